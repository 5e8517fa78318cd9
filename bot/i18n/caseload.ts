import { defineCatalogue } from './catalogue';

/** "Mine borgere": the jobformidler's caseload. */
export const caseloadText = defineCatalogue({
  da: {
    title: 'Mine borgere',
    intro: 'Dine sager med næste opfølgning. Opfølgning hver {days}. dag – hver {placementDays}. dag under et forløb.',
    empty: 'Du har ingen sager endnu. Når en screener overdrager en borger til dig, dukker sagen op her.',
    'row.placement': 'Forløb',
    'row.hours': 'Ordinære timer sidste uge',
    'row.next': 'Næste opfølgning',
    'row.no_placement': 'Intet forløb',
    'row.no_hours': 'ikke registreret',
    'row.progression_due': 'Progressionsmåling forfalden ({date})',
    open: 'Åbn',
    next_page: 'Næste side',
    first_page: 'Første side',
    page_summary: '{overdue} overskredet · {due} i dag · {soon} snart (på denne side)',
    'cmd.help': 'Se dine borgere og opfølgninger, der forfalder',
    'cmd.case': 'Åbn en sag',
    'cmd.case_usage': 'Skriv sagsnummeret efter "sag", fx "sag FR-7KQ2-M9XA".',
    quick: 'Mine borgere',
  },
  en: {
    title: 'My citizens',
    intro:
      'Your cases with their next follow-up. Follow up every {days} days – every {placementDays} days during a placement.',
    empty: 'You have no cases yet. When a screener hands a citizen over to you, the case appears here.',
    'row.placement': 'Placement',
    'row.hours': 'Ordinary hours last week',
    'row.next': 'Next follow-up',
    'row.no_placement': 'No placement',
    'row.no_hours': 'not logged',
    'row.progression_due': 'Progression measurement due ({date})',
    open: 'Open',
    next_page: 'Next page',
    first_page: 'First page',
    page_summary: '{overdue} overdue · {due} today · {soon} soon (on this page)',
    'cmd.help': 'See your citizens and follow-ups that are due',
    'cmd.case': 'Open a case',
    'cmd.case_usage': 'Type the case number after "case", e.g. "case FR-7KQ2-M9XA".',
    quick: 'My citizens',
  },
});
