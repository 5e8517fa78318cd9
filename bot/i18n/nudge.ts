import { defineCatalogue } from './catalogue';

/** The daily 1:1 nudge about due and overdue follow-ups. */
export const nudgeText = defineCatalogue({
  da: {
    title: 'Godmorgen – opfølgninger i dag',
    intro: '{count} af dine borgere skal følges op i dag eller er overskredet:',
    caseload: 'Mine borgere',
  },
  en: {
    title: 'Good morning – follow-ups today',
    intro: '{count} of your citizens are due for follow-up today or overdue:',
    caseload: 'My citizens',
  },
});
