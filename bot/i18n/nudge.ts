import { defineCatalogue } from './catalogue';

/** The daily 1:1 nudge about due and overdue follow-ups. */
export const nudgeText = defineCatalogue({
  da: {
    title: 'Godmorgen – opfølgninger i dag',
    intro: '{count} af dine borgere skal følges op i dag eller er overskredet:',
    caseload: 'Mine borgere',
    progression_intro: '{count} af dine borgere skal have en progressionsmåling:',
    progression_due: 'Tid til progressionsmåling',
  },
  en: {
    title: 'Good morning – follow-ups today',
    intro:
      '{count, plural, one {# of your citizens is due for follow-up today or overdue:} other {# of your citizens are due for follow-up today or overdue:}}',
    caseload: 'My citizens',
    progression_intro:
      '{count, plural, one {# of your citizens is due for a progression measurement:} other {# of your citizens are due for a progression measurement:}}',
    progression_due: 'Progression measurement due',
  },
});
