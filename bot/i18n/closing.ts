import { defineCatalogue } from './catalogue';

/** Closing a case from the case card ("Afslut sag"). */
export const closingText = defineCatalogue({
  da: {
    open: 'Afslut sag',
    title: 'Afslut sag {caseRef}',
    intro:
      'Vælg årsag og dato. Du skal bekræfte, før sagen afsluttes. En afsluttet sag slettes efter opbevaringsperioden.',
    reason: 'Årsag',
    date: 'Afslutningsdato',
    next: 'Videre',
    confirm_title: 'Bekræft: afslut sag {caseRef}',
    confirm_intro: 'Sagen bliver skrivebeskyttet, og opbevaringsperioden begynder. Det kan ikke fortrydes her.',
    confirm: 'Afslut sagen',
    closed: 'Sagen er afsluttet ({date}).',
    'reason.EMPLOYED_SELF_SUPPORTING': 'I job og selvforsørgende',
    'reason.FLEXJOB': 'Fleksjob',
    'reason.EDUCATION': 'Uddannelse',
    'reason.RESOURCE_COURSE': 'Ressourceforløb',
    'reason.DISABILITY_PENSION': 'Førtidspension',
    'reason.SICKNESS_BENEFIT': 'Sygedagpenge',
    'reason.MOVED': 'Fraflyttet kommunen',
    'reason.OTHER': 'Andet',
  },
  en: {
    open: 'Close case',
    title: 'Close case {caseRef}',
    intro:
      'Choose the reason and date. You confirm before the case is closed. A closed case is deleted after the retention period.',
    reason: 'Reason',
    date: 'Closing date',
    next: 'Next',
    confirm_title: 'Confirm: close case {caseRef}',
    confirm_intro: 'The case becomes read-only and its retention period starts. This cannot be undone here.',
    confirm: 'Close the case',
    closed: 'The case is closed ({date}).',
    'reason.EMPLOYED_SELF_SUPPORTING': 'Employed and self-supporting',
    'reason.FLEXJOB': 'Flex job',
    'reason.EDUCATION': 'Education',
    'reason.RESOURCE_COURSE': 'Resource course',
    'reason.DISABILITY_PENSION': 'Disability pension',
    'reason.SICKNESS_BENEFIT': 'Sickness benefit',
    'reason.MOVED': 'Moved out of the municipality',
    'reason.OTHER': 'Other',
  },
});
