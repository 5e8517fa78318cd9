import { defineCatalogue } from './catalogue';

/**
 * Fidelity rounds (issue 16 A): the core-element sets, the leader's start and report, the members'
 * short card, reminders, and M21 in the digest. The scale labels are the ones the Flere skal med
 * survey used (seed 001): "Slet ikke · I mindre grad · I nogen grad · I høj grad · I meget høj grad".
 */
export const fidelityText = defineCatalogue({
  da: {
    'cmd.sets.help': 'Se kerneelementsæt til fidelitetsrunder og deres versioner',
    'cmd.import.help': 'Importér et kerneelementsæt (JSON) – eller send filen til mig',
    'cmd.start.help': 'Start en fidelitetsrunde for teamet (skriv det i teamets kanal)',
    'cmd.report.help': 'Se teamets fidelitetsrunde: status eller resultat',
    'cmd.answer.help': 'Svar på en fidelitetsrunde, du er inviteret til',
    'cmd.answer.quick': 'Fidelitetsrunde',
    'import.no_json':
      'Sæt kerneelementsættet (JSON) efter kommandoen, eller send filen til mig. Se docs/fidelity.md for formatet.',
    'sets.title': 'Kerneelementsæt',
    'sets.intro':
      'Fidelitetsrunder måler, hvor tæt teamet arbejder efter programmets kerneelementer, på en skala fra 1 til 5.',
    'sets.line': '{programme} · {elements} kerneelementer · {items} udsagn',
    'sets.builtin': 'følger med Fremdrift',
    'sets.used': 'i brug – kan ikke ændres',
    'sets.unused': 'ikke brugt endnu – kan erstattes',
    'sets.retired': 'udgået',
    'sets.howto':
      'Importér et nyt sæt eller en ny version med "importér kerneelementsæt" og JSON efter, eller send filen til mig.',
    'import.title.ok': 'Kerneelementsættet er importeret',
    'import.title.failed': 'Kerneelementsættet blev ikke importeret',
    'import.failed_intro': 'Ret disse fejl og prøv igen. Intet er gemt.',
    'import.more': '… og {count} fejl mere.',
    'import.ok': '{name} version {version}: {elements} kerneelementer med {items} udsagn i alt.',
    'import.replaced': 'Version {version} var ikke brugt endnu og er erstattet.',
    'import.unchanged': '{name} version {version} findes allerede med præcis dette indhold. Intet er ændret.',
    'import.in_use':
      'Version {version} af "{setId}" er brugt i en fidelitetsrunde og kan ikke ændres. Send ændringen som version {next}. Intet er gemt.',
    'import.built_in':
      'Version {version} af "{setId}" følger med Fremdrift og kan ikke ændres. Send din udgave som version {next}. Intet er gemt.',
    'problem.format_marker': 'skal være "{format}", så Fremdrift kan se, at det er et kerneelementsæt',
    'fidelity.problem.duplicate_element': 'id\'et "{id}" er brugt af mere end ét kerneelement',
    'fidelity.problem.duplicate_number': 'nummeret {number} er brugt af mere end ét kerneelement',
    'fidelity.problem.duplicate_item': 'id\'et "{id}" er brugt af mere end ét udsagn i kerneelementet',
    'start.only_in_channel':
      'Start runden i teamets kanal, så jeg ved, hvilket team det gælder: "@Fremdrift start fidelitetsrunde".',
    'start.title': 'Start en fidelitetsrunde',
    'start.intro':
      'Alle på teamet med en rolle i Fremdrift får en kort, anonym spørgeramme i deres private chat med mig: ét kerneelement ad gangen, cirka 5 minutter. Resultatet kommer her i kanalen, når runden lukker – kun hvis mindst {min} har svaret, og aldrig for den enkelte.',
    'start.set': 'Program og kerneelementer',
    'start.end': 'Sidste dag at svare',
    'start.submit': 'Start runden',
    'start.error.set': 'Vælg programmet.',
    'start.error.end': 'Vælg den sidste dag at svare.',
    'start.end_date_invalid': 'Datoen findes ikke. Vælg den sidste dag at svare. Intet er gemt.',
    'start.end_date_past': 'Den sidste dag at svare skal ligge efter i dag. Intet er gemt.',
    'start.end_date_far': 'En runde kan højst være åben i {days} dage. Vælg en tidligere dato. Intet er gemt.',
    'start.unknown_set': 'Vælg et af programmerne på listen. Intet er gemt.',
    'start.no_installation':
      'Jeg kan ikke finde teamet. Fjern Fremdrift fra teamet og tilføj det igen, og prøv så igen. Intet er gemt.',
    'start.no_roster':
      'Teams kunne ikke fortælle mig, hvem der er på teamet lige nu. Prøv igen om lidt. Intet er gemt.',
    'start.too_few_members':
      'Kun {count} på teamet har en rolle i Fremdrift. Der skal være mindst {min}, før en runde kan vise et resultat uden at nogen kan genkendes. Intet er gemt.',
    'start.already_open':
      'Teamet har allerede en åben fidelitetsrunde ({programme}), som lukker efter {date}. Vent til den er lukket. Intet er gemt.',
    'start.done.title': 'Fidelitetsrunden er startet',
    'start.done':
      '{count} på teamet får nu en invitation i deres private chat med mig. Sidste dag at svare er {date}. Der kommer en påmindelse til dem, der ikke har svaret.',
    'report.title': 'Fidelitetsrunde · {programme}',
    'report.open': 'Åben til og med {date} · {answered} af {invited} har svaret.',
    'report.open.note':
      'Resultatet kommer her, når runden lukker – kun hvis mindst {min} har svaret. Ingen kan se, hvad den enkelte har svaret, heller ikke lederen.',
    'report.refresh': 'Opdater',
    'report.closed': 'Sidste dag at svare var {date} · {answered} af {invited} svarede.',
    'report.too_few':
      'Færre end {min} svarede, så der vises intet resultat – så ingen kan genkendes. Start en ny runde, når flere kan være med.',
    'report.median': 'Teamets niveau (median af kerneelementerne)',
    'report.change': '{change} siden sidste runde ({date})',
    'report.no_previous': 'Første runde – næste gang ses udviklingen her.',
    'report.element.hidden': '– (færre end {min} svar)',
    'report.chart.title': 'Niveau pr. kerneelement (1-5)',
    'report.chart.now': 'Denne runde',
    'report.chart.before': 'Sidste runde',
    'report.chart.axis': 'Niveau',
    'report.chart.alt': 'Søjler for hvert kerneelement, nummereret som i listen: {values}.',
    'report.scale': 'Skala fra 1 til 5, hvor 1 = laveste grad af fidelitet og 5 = højeste grad af fidelitet.',
    'report.practice': 'Se holdets selvvurdering ved siden af tallene fra det daglige arbejde i ugerapporten (M21).',
    'report.none_team':
      'Teamet har ingen fidelitetsrunder endnu. Start en her i kanalen med "@Fremdrift start fidelitetsrunde".',
    'report.list.title': 'Fidelitetsrunder',
    'report.list.none':
      'Der er ingen fidelitetsrunder endnu. Start en i teamets kanal med "@Fremdrift start fidelitetsrunde".',
    'report.list.row': '{programme} · {status} · {answered} af {invited} svar',
    'report.list.open': 'åben til og med {date}',
    'report.list.closed': 'lukket efter {date}',
    'report.list.show': 'Vis {date}',
    'report.not_found': 'Runden findes ikke (længere).',
    'report.not_here':
      'En fidelitetsrunde hører til et team: skriv "@Fremdrift fidelitetsrapport" i teamets kanal. Kommunens runder ser du, når du skriver "fidelitetsrapport" til mig i vores 1:1-chat.',
    'invite.title': 'Fidelitetsrunde: hvordan arbejder vi?',
    'invite.text':
      'Dit team måler, hvor tæt I arbejder efter kerneelementerne i {programme}. Det er {steps} korte trin – ét kerneelement ad gangen, cirka 5 minutter – og du kan stoppe og fortsætte, når du vil. Sidste dag at svare er {date}.',
    'invite.anonymous':
      'Svarene handler om jeres praksis, ikke om borgere. De er anonyme: teamet ser kun et samlet resultat, og kun hvis mindst {min} svarer.',
    'invite.start': 'Start',
    'invite.continue': 'Fortsæt',
    'remind.title': 'Påmindelse: fidelitetsrunden',
    'remind.text': 'Du har ikke svaret på teamets fidelitetsrunde ({programme}) endnu. Sidste dag at svare er {date}.',
    'step.progress': 'Trin {step} af {steps}',
    'step.saved': 'Dine svar gemmes ved hvert trin.',
    'step.next': 'Næste',
    'step.back': 'Tilbage',
    'step.later': 'Fortsæt senere',
    'step.missing': 'Vælg et svar for hvert udsagn (eller "Ved ikke").',
    'level.1': 'Slet ikke',
    'level.2': 'I mindre grad',
    'level.3': 'I nogen grad',
    'level.4': 'I høj grad',
    'level.5': 'I meget høj grad',
    'level.0': 'Ved ikke / ikke relevant for mig',
    'level.anchored': '{level} – {label}: {anchor}',
    'level.plain': '{level} – {label}',
    'review.title': 'Tjek og send',
    'review.intro':
      'Sådan har du svaret. Når du sender, lægges dine svar sammen med teamets; de kan ikke ses for sig, heller ikke af dig.',
    'review.dont_know': 'ved ikke',
    'review.send': 'Send mine svar',
    'thanks.title': 'Tak for dine svar',
    'thanks.text':
      'Dine svar er lagt sammen med teamets. Resultatet kommer i teamets kanal, når runden lukker efter {date} – hvis mindst {min} har svaret.',
    'already.text': 'Du har allerede svaret på denne runde. Tak!',
    'later.title': 'Gemt',
    'later.text':
      'Dine svar indtil nu er gemt. Fortsæt, når du vil – med knappen eller ved at skrive "fidelitetsrunde". Sidste dag er {date}.',
    'closed.text': 'Runden er lukket, så der kan ikke længere svares. Tak for din tid.',
    not_invited: 'Du er ikke inviteret til denne runde. Runder sendes til dem, der er på teamet, når runden starter.',
    'mine.title': 'Dine fidelitetsrunder',
    'mine.none': 'Du har ingen åbne fidelitetsrunder at svare på lige nu.',
    'mine.row': '{programme} · sidste dag {date}',
    'mine.answered': 'besvaret – tak',
    'digest.title': 'Fidelitet pr. kerneelement (M21)',
    'digest.label': 'Teamets niveau, median af kerneelementerne (1-5)',
    'digest.programme': '{programme} · runde lukket {date} · {answered} svar',
    'digest.programme.pooled': '{programme} · seneste runde i {teams} team · {answered} svar',
    'digest.practice': 'Praksis: {figures}',
    'digest.none':
      'Ingen afsluttet fidelitetsrunde med mindst {min} svar endnu. En leder starter en med "@Fremdrift start fidelitetsrunde" i teamets kanal.',
    'digest.what':
      'Teamets egen vurdering af, hvor tæt det arbejder efter kerneelementerne, fra 1 (slet ikke) til 5 (i meget høj grad) – "1 = laveste grad af fidelitet, 5 = højeste grad af fidelitet" som i evalueringen af Flere skal med, der fandt en sammenhæng mellem brugen af kerneelementerne og resultaterne. Gennemsnit af alle svar pr. kerneelement fra seneste lukkede runde; vises kun med mindst {min} svar. Ved siden af står tallene fra det daglige arbejde, der siger noget om samme kerneelement. Grønt fra 4,0.',
  },
  en: {
    'cmd.sets.help': 'See core-element sets for fidelity rounds and their versions',
    'cmd.import.help': 'Import a core-element set (JSON) – or send me the file',
    'cmd.start.help': "Start a fidelity round for the team (write it in the team's channel)",
    'cmd.report.help': "See the team's fidelity round: status or result",
    'cmd.answer.help': 'Answer a fidelity round you are invited to',
    'cmd.answer.quick': 'Fidelity round',
    'import.no_json':
      'Put the core-element set (JSON) after the command, or send me the file. See docs/fidelity.md for the format.',
    'sets.title': 'Core-element sets',
    'sets.intro':
      "Fidelity rounds measure how closely the team works to the programme's core elements, on a scale from 1 to 5.",
    'sets.line': '{programme} · {elements} core elements · {items} statements',
    'sets.builtin': 'ships with Fremdrift',
    'sets.used': 'in use – cannot be changed',
    'sets.unused': 'not used yet – can be replaced',
    'sets.retired': 'retired',
    'sets.howto':
      'Import a new set or version with "import core element set" followed by the JSON, or send me the file.',
    'import.title.ok': 'The core-element set was imported',
    'import.title.failed': 'The core-element set was not imported',
    'import.failed_intro': 'Fix these problems and try again. Nothing was saved.',
    'import.more': '… and {count} more problems.',
    'import.ok': '{name} version {version}: {elements} core elements with {items} statements in all.',
    'import.replaced': 'Version {version} had not been used yet and was replaced.',
    'import.unchanged': '{name} version {version} already exists with exactly this content. Nothing was changed.',
    'import.in_use':
      'Version {version} of "{setId}" has been used in a fidelity round and cannot be changed. Send the change as version {next}. Nothing was saved.',
    'import.built_in':
      'Version {version} of "{setId}" ships with Fremdrift and cannot be changed. Send your edition as version {next}. Nothing was saved.',
    'problem.format_marker': 'must be "{format}", so Fremdrift can tell it is a core-element set',
    'fidelity.problem.duplicate_element': 'the id "{id}" is used by more than one core element',
    'fidelity.problem.duplicate_number': 'the number {number} is used by more than one core element',
    'fidelity.problem.duplicate_item': 'the id "{id}" is used by more than one statement in the core element',
    'start.only_in_channel':
      'Start the round in the team\'s channel, so I know which team it is for: "@Fremdrift start fidelity round".',
    'start.title': 'Start a fidelity round',
    'start.intro':
      'Everyone on the team with a role in Fremdrift gets a short, anonymous questionnaire in their private chat with me: one core element at a time, about 5 minutes. The result comes here in the channel when the round closes – only if at least {min} have answered, and never per person.',
    'start.set': 'Programme and core elements',
    'start.end': 'Last day to answer',
    'start.submit': 'Start the round',
    'start.error.set': 'Choose the programme.',
    'start.error.end': 'Choose the last day to answer.',
    'start.end_date_invalid': 'That date does not exist. Choose the last day to answer. Nothing was saved.',
    'start.end_date_past': 'The last day to answer must be after today. Nothing was saved.',
    'start.end_date_far': 'A round can be open for at most {days} days. Choose an earlier date. Nothing was saved.',
    'start.unknown_set': 'Choose one of the programmes in the list. Nothing was saved.',
    'start.no_installation':
      'I cannot find the team. Remove Fremdrift from the team and add it again, then try again. Nothing was saved.',
    'start.no_roster': 'Teams could not tell me who is on the team right now. Try again shortly. Nothing was saved.',
    'start.too_few_members':
      'Only {count} on the team have a role in Fremdrift. At least {min} are needed before a round can show a result without anyone being recognisable. Nothing was saved.',
    'start.already_open':
      'The team already has an open fidelity round ({programme}), which closes after {date}. Wait until it has closed. Nothing was saved.',
    'start.done.title': 'The fidelity round has started',
    'start.done':
      '{count} on the team now get an invitation in their private chat with me. The last day to answer is {date}. Those who have not answered get a reminder.',
    'report.title': 'Fidelity round · {programme}',
    'report.open': 'Open until {date} · {answered} of {invited} have answered.',
    'report.open.note':
      'The result comes here when the round closes – only if at least {min} have answered. Nobody can see what a single person answered, the leader included.',
    'report.refresh': 'Refresh',
    'report.closed': 'The last day to answer was {date} · {answered} of {invited} answered.',
    'report.too_few':
      'Fewer than {min} answered, so no result is shown – so nobody can be recognised. Start a new round when more can take part.',
    'report.median': "The team's level (median of the core elements)",
    'report.change': '{change} since the last round ({date})',
    'report.no_previous': 'First round – next time the change shows here.',
    'report.element.hidden': '– (fewer than {min} answers)',
    'report.chart.title': 'Level per core element (1-5)',
    'report.chart.now': 'This round',
    'report.chart.before': 'Last round',
    'report.chart.axis': 'Level',
    'report.chart.alt': 'Bars for each core element, numbered as in the list: {values}.',
    'report.scale':
      'Scale from 1 to 5, where 1 = the lowest degree of fidelity and 5 = the highest degree of fidelity.',
    'report.practice': "See the team's self-assessment beside the figures from daily work in the weekly digest (M21).",
    'report.none_team':
      'The team has no fidelity rounds yet. Start one here in the channel with "@Fremdrift start fidelity round".',
    'report.list.title': 'Fidelity rounds',
    'report.list.none':
      'There are no fidelity rounds yet. Start one in the team\'s channel with "@Fremdrift start fidelity round".',
    'report.list.row': '{programme} · {status} · {answered} of {invited} answers',
    'report.list.open': 'open until {date}',
    'report.list.closed': 'closed after {date}',
    'report.list.show': 'Show {date}',
    'report.not_found': 'The round does not exist (any more).',
    'report.not_here':
      'A fidelity round belongs to a team: write "@Fremdrift fidelity report" in the team\'s channel. To see the municipality\'s rounds, write "fidelity report" to me in our 1:1 chat.',
    'invite.title': 'Fidelity round: how do we work?',
    'invite.text':
      'Your team measures how closely you work to the core elements of {programme}. It is {steps} short steps – one core element at a time, about 5 minutes – and you can stop and continue whenever you like. The last day to answer is {date}.',
    'invite.anonymous':
      'The answers are about your practice, not about citizens. They are anonymous: the team sees only a combined result, and only if at least {min} answer.',
    'invite.start': 'Start',
    'invite.continue': 'Continue',
    'remind.title': 'Reminder: the fidelity round',
    'remind.text':
      "You have not answered the team's fidelity round ({programme}) yet. The last day to answer is {date}.",
    'step.progress': 'Step {step} of {steps}',
    'step.saved': 'Your answers are saved at every step.',
    'step.next': 'Next',
    'step.back': 'Back',
    'step.later': 'Continue later',
    'step.missing': 'Choose an answer for every statement (or "Don\'t know").',
    'level.1': 'Not at all',
    'level.2': 'To a small degree',
    'level.3': 'To some degree',
    'level.4': 'To a high degree',
    'level.5': 'To a very high degree',
    'level.0': "Don't know / not relevant to me",
    'level.anchored': '{level} – {label}: {anchor}',
    'level.plain': '{level} – {label}',
    'review.title': 'Check and send',
    'review.intro':
      "This is how you answered. When you send, your answers are added to the team's; they cannot be seen on their own, not even by you.",
    'review.dont_know': "don't know",
    'review.send': 'Send my answers',
    'thanks.title': 'Thank you for your answers',
    'thanks.text':
      "Your answers have been added to the team's. The result comes in the team's channel when the round closes after {date} – if at least {min} have answered.",
    'already.text': 'You have already answered this round. Thank you!',
    'later.title': 'Saved',
    'later.text':
      'Your answers so far are saved. Continue whenever you like – with the button or by writing "fidelity round". The last day is {date}.',
    'closed.text': 'The round has closed, so answers are no longer taken. Thank you for your time.',
    not_invited: 'You are not invited to this round. Rounds go to those on the team when the round starts.',
    'mine.title': 'Your fidelity rounds',
    'mine.none': 'You have no open fidelity rounds to answer right now.',
    'mine.row': '{programme} · last day {date}',
    'mine.answered': 'answered – thank you',
    'digest.title': 'Fidelity per core element (M21)',
    'digest.label': "The team's level, median of the core elements (1-5)",
    'digest.programme': '{programme} · round closed {date} · {answered} answers',
    'digest.programme.pooled': '{programme} · latest round in {teams} teams · {answered} answers',
    'digest.practice': 'Practice: {figures}',
    'digest.none':
      'No closed fidelity round with at least {min} answers yet. A leader starts one with "@Fremdrift start fidelity round" in the team\'s channel.',
    'digest.what':
      'The team\'s own assessment of how closely it works to the core elements, from 1 (not at all) to 5 (to a very high degree) – "1 = the lowest degree of fidelity, 5 = the highest" as in the evaluation of Flere skal med, which found a link between using the core elements and the results. The mean of all answers per core element from the latest closed round; shown only with at least {min} answers. Beside it are the figures from daily work that speak to the same core element. Green from 4.0.',
  },
});

export type FidelityKey = (typeof fidelityText.keys)[number];
