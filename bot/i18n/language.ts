import { defineCatalogue } from './catalogue';

/**
 * The user's language (`sprog dansk` / `language english`). Button titles name the other language
 * in that language, so someone who cannot read the card still finds the way out.
 */
export const languageText = defineCatalogue({
  da: {
    'cmd.help': 'Skift sprog til engelsk (English)',
    'cmd.quick': 'In English',
    'set.title': 'Fremdrift skriver nu på dansk til dig',
    'set.body':
      'Det gælder alt, hvad Fremdrift sender til dig – også de beskeder, der kommer af sig selv, som morgenens overblik og nye borgere, du får overdraget. Sproget i Teams er ikke ændret.',
    'status.title': 'Fremdrift skriver på dansk til dig',
    'status.chosen': 'Det har du selv valgt.',
    'status.teams': 'Det følger sproget i din Teams.',
    'status.default': 'Det er jobcentrets standardsprog i Fremdrift.',
    'status.how': 'Skriv "sprog engelsk" for at få Fremdrift på engelsk.',
    'action.help': 'Hjælp',
    'action.switch': 'In English',
  },
  en: {
    'cmd.help': 'Switch the language to Danish (dansk)',
    'cmd.quick': 'På dansk',
    'set.title': 'Fremdrift now writes to you in English',
    'set.body':
      'This applies to everything Fremdrift sends you – also the messages that come on their own, such as the morning overview and new citizens handed over to you. The language of Teams is unchanged.',
    'status.title': 'Fremdrift writes to you in English',
    'status.chosen': 'You chose this yourself.',
    'status.teams': 'It follows the language of your Teams.',
    'status.default': "It is the jobcentre's default language in Fremdrift.",
    'status.how': 'Type "language danish" to get Fremdrift in Danish.',
    'action.help': 'Help',
    'action.switch': 'På dansk',
  },
});
