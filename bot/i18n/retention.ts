import { defineCatalogue } from './catalogue';

/** Re-opening a closed case, and the daily check for art. 9 data without a retention date. */
export const retentionText = defineCatalogue({
  da: {
    'cmd.reopen': 'Genåbn en afsluttet sag, hvis borgeren kommer igen inden for opbevaringsperioden',
    'cmd.reopen_usage': 'Skriv sagsnummeret efter kommandoen, fx "genåbn sag FR-7KQ2-M9XA".',
    'reopen.title': 'Genåbn sag {caseRef}?',
    'reopen.intro':
      'Sagen blev afsluttet {date} ({reason}). Genåbner du den, stopper opbevaringsperioden, og sagen slettes ikke automatisk, før den afsluttes igen.',
    'reopen.expires': 'Uden genåbning slettes oplysningerne {date}.',
    'reopen.confirm': 'Genåbn sagen',
    'reopen.cancel': 'Annuller',
    'reopen.done': 'Sag {caseRef} er genåbnet. Status: {status}.',
    'reopen.next.visitation': 'Borgeren venter nu på en visitationsbeslutning.',
    'reopen.next.change':
      'Sagen har stadig sin tidligere visitation. Vil du træffe en ny beslutning, så brug "Ændr visitation".',
    'reopen.next.owner': 'Sagen ligger igen hos sin ejer i "Mine borgere".',
    'reopen.not_closed': 'Sag {caseRef} er ikke afsluttet, så der er intet at genåbne.',
    'reopen.expired':
      'Opbevaringsperioden for sag {caseRef} er udløbet, så den kan ikke genåbnes. Opret en ny sag med en ny screening.',
    'reopen.visitation': 'Visitationsbeslutning',
    'reopen.change_visitation': 'Ændr visitation',
    'check.title': 'Følsomme oplysninger uden slettedato',
    'check.intro':
      'Den daglige kontrol fandt helbredsoplysninger (screening, kompenserende ordninger) på {count} sager, som ingen proces vil slette. Hver sag skal enten afsluttes, så opbevaringsperioden begynder, eller slettes.',
    'check.healed': 'Kontrollen har selv givet {count} afsluttede sager den slettedato, de manglede.',
    'check.closed':
      'Kontrollen har afsluttet {count} sager, som efter reglerne skulle være afsluttet ved beslutningen.',
    'check.reason.ORPHANED': 'Ingen sag hører til oplysningerne. Slet dem med "slet sag {caseRef}".',
    'check.reason.STALE_SCREENING':
      'Screeningen har stået åben i over {days} dage. Screeneren bør afslutte eller afbryde den.',
    'check.reason.STALE_AWAITING_VISITATION':
      'Har ventet på visitation i over {days} dage. Screeneren bør træffe beslutningen.',
    'check.reason.NO_OWNER': 'Gruppe 2 uden ejer. Giv sagen en ejer med "ændr visitation {caseRef}".',
    'check.more': '… og {count} sager mere.',
    'check.documents': '{count} dokumenter',
  },
  en: {
    'cmd.reopen': 'Re-open a closed case if the citizen comes back within the retention period',
    'cmd.reopen_usage': 'Type the case number after the command, e.g. "reopen case FR-7KQ2-M9XA".',
    'reopen.title': 'Re-open case {caseRef}?',
    'reopen.intro':
      'The case was closed on {date} ({reason}). Re-opening it stops the retention period, and the case is not deleted automatically until it is closed again.',
    'reopen.expires': 'If it is not re-opened, the data is deleted on {date}.',
    'reopen.confirm': 'Re-open the case',
    'reopen.cancel': 'Cancel',
    'reopen.done': 'Case {caseRef} is open again. Status: {status}.',
    'reopen.next.visitation': 'The citizen now waits for a visitation decision.',
    'reopen.next.change': 'The case still has its earlier visitation. To make a new decision, use "Change visitation".',
    'reopen.next.owner': 'The case is back with its owner in "My citizens".',
    'reopen.not_closed': 'Case {caseRef} is not closed, so there is nothing to re-open.',
    'reopen.expired':
      'The retention period of case {caseRef} has run out, so it cannot be re-opened. Start a new case with a new screening.',
    'reopen.visitation': 'Visitation decision',
    'reopen.change_visitation': 'Change visitation',
    'check.title': 'Sensitive data without a deletion date',
    'check.intro':
      'The daily check found health data (screening, compensation schemes) on {count} cases that no process will delete. Each case must either be closed, so its retention period starts, or be erased.',
    'check.healed': 'The check itself gave {count} closed cases the deletion date they were missing.',
    'check.closed': 'The check closed {count} cases that the rules say close at the decision.',
    'check.reason.ORPHANED': 'No case belongs to the data. Erase it with "erase case {caseRef}".',
    'check.reason.STALE_SCREENING':
      'The screening has been open for more than {days} days. The screener should finish or stop it.',
    'check.reason.STALE_AWAITING_VISITATION':
      'Has waited for visitation for more than {days} days. The screener should make the decision.',
    'check.reason.NO_OWNER': 'Group 2 without an owner. Give the case an owner with "change visitation {caseRef}".',
    'check.more': '… and {count} more cases.',
    'check.documents': '{count} documents',
  },
});

export type RetentionTextKey = (typeof retentionText.keys)[number];
