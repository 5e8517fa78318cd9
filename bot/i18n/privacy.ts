import { defineCatalogue } from './catalogue';

/** Strings of the privacy feature: log extract, export and erasure of a case (for the admin/DPO). */
export const privacyText = defineCatalogue({
  da: {
    'cmd.audit': 'Adgangslog for en sag: datoer og formål (til en indsigtsanmodning)',
    'cmd.export': 'Eksportér en sags data som JSON (indsigt og dataportabilitet)',
    'cmd.erase': 'Slet en sag efter en lovlig anmodning',
    not_found: 'Fremdrift har ingen data om sag {caseRef} i din organisation.',
    bad_ref: 'Skriv sagsnummeret efter kommandoen, fx "log for sag FR-7KQ2-M9XA".',
    cancelled: 'Annulleret. Intet er ændret.',
    cancel: 'Annuller',
    'audit.title': 'Adgangslog for sag {caseRef}',
    'audit.intro':
      'Datoer og formål for opslag og registreringer i sagens data – til en indsigtsanmodning (GDPR art. 15). Medarbejdernes identitet vises ikke.',
    'audit.count':
      '{count, plural, one {# registrering} other {# registreringer}} fra {from} til {to}. Loggen gemmes i {days} dage.',
    'audit.empty': 'Der er ingen registrerede opslag i sag {caseRef}. Loggen gemmes i {days} dage.',
    'audit.col.date': 'Dato',
    'audit.col.purpose': 'Formål',
    'audit.col.kind': 'Type',
    'audit.col.count': 'Antal',
    'audit.more':
      "Viser de første {shown} af {total} linjer. Hele loggen står i CSV herunder eller hentes via administrations-API'et: {path}",
    'audit.csv.show': 'Vis som CSV',
    'audit.csv.label': 'CSV (kan kopieres ind i svaret til borgeren)',
    'audit.csv.too_long':
      "Loggen er for lang til at vises som CSV i chatten. Hent den via administrations-API'et: {path}",
    'kind.read': 'Opslag',
    'kind.write': 'Registrering',
    'purpose.screening': 'Screening',
    'purpose.visitation': 'Visitation',
    'purpose.follow_up': 'Opfølgning',
    'purpose.progression': 'Progressionsmåling',
    'purpose.management_information': 'Ledelsesinformation',
    'purpose.administration': 'Administration',
    'purpose.data_subject_request': 'Borgerens anmodning (indsigt eller sletning)',
    'purpose.support': 'Support',
    'purpose.ledelsessparring': 'Ledelsessparring (lederen og jobformidleren drøftede næste skridt)',
    'csv.date': 'dato',
    'csv.time': 'tid',
    'csv.purpose': 'formål',
    'csv.kind': 'type',
    'export.title': 'Eksportér sag {caseRef}',
    'export.intro':
      'Eksporten giver sagens dokumenter som JSON (GDPR art. 15 og 20) og adgangsloggen med datoer og formål. Eksporten logges.',
    'export.counts':
      '{cases, plural, one {# dokument} other {# dokumenter}} i sagen og {sensitive} med helbredsoplysninger (art. 9).',
    'export.art9':
      "Helbredsoplysninger (art. 9) vises ikke i chatten. Den fulde eksport hentes via administrations-API'et: {path}",
    'export.confirm': 'Eksportér',
    'export.done': 'Eksport af sag {caseRef}',
    'export.json.label': 'JSON uden art. 9-oplysninger (kan kopieres)',
    'export.file_follows':
      'Eksporten kommer som fil herunder (JSON uden art. 9-oplysninger). Hentningen bliver logget.',
    'export.file_description': 'Eksport af sag {caseRef} som JSON, uden art. 9-oplysninger.',
    'export.too_large': "Eksporten er for stor til chatten. Hent den via administrations-API'et: {path}",
    'erase.title': 'Slet sag {caseRef}',
    'erase.intro':
      'Alle sagens data i Fremdrift slettes endeligt: {cases, plural, one {# dokument} other {# dokumenter}} i sagen og {sensitive} med helbredsoplysninger. Adgangsloggen bevares i sin egen opbevaringsperiode som dokumentation.',
    'erase.law':
      'Slet kun efter en lovlig anmodning. Journaliserings- og arkivregler kan gå forud for sletning (GDPR art. 17, stk. 3); sagens journal ligger i kommunens fagsystem.',
    'erase.confirm_label': 'Skriv sagsnummeret {caseRef} for at bekræfte',
    'erase.reason_label': 'Grundlag for sletningen',
    'erase.reason.art17_request': 'Borgerens anmodning om sletning (art. 17)',
    'erase.reason.unlawful': 'Oplysningerne er behandlet uretmæssigt',
    'erase.reason.registered_in_error': 'Sagen er oprettet ved en fejl',
    'erase.button': 'Slet sagen endeligt',
    'erase.mismatch': 'Sagsnummeret passer ikke med {caseRef}. Intet er slettet.',
    'erase.done':
      'Sag {caseRef} er slettet: {cases, plural, one {# dokument} other {# dokumenter}} i sagen og {sensitive} med helbredsoplysninger. Sletningen er logget.',
  },
  en: {
    'cmd.audit': 'Access log of a case: dates and purposes (for a subject access request)',
    'cmd.export': "Export a case's data as JSON (access and portability)",
    'cmd.erase': 'Erase a case on a lawful request',
    not_found: 'Fremdrift has no data about case {caseRef} in your organisation.',
    bad_ref: 'Put the case number after the command, e.g. "log for case FR-7KQ2-M9XA".',
    cancelled: 'Cancelled. Nothing was changed.',
    cancel: 'Cancel',
    'audit.title': 'Access log of case {caseRef}',
    'audit.intro':
      "Dates and purposes of look-ups and changes of the case's data – for a subject access request (GDPR art. 15). Staff identities are not shown.",
    'audit.count':
      '{count, plural, one {# entry} other {# entries}} from {from} to {to}. The log is kept for {days} days.',
    'audit.empty': 'There are no recorded look-ups in case {caseRef}. The log is kept for {days} days.',
    'audit.col.date': 'Date',
    'audit.col.purpose': 'Purpose',
    'audit.col.kind': 'Kind',
    'audit.col.count': 'Count',
    'audit.more':
      'Showing the first {shown} of {total} lines. The whole log is in the CSV below or from the admin API: {path}',
    'audit.csv.show': 'Show as CSV',
    'audit.csv.label': 'CSV (can be copied into the reply to the citizen)',
    'audit.csv.too_long': 'The log is too long to show as CSV in the chat. Get it from the admin API: {path}',
    'kind.read': 'Look-up',
    'kind.write': 'Change',
    'purpose.screening': 'Screening',
    'purpose.visitation': 'Visitation',
    'purpose.follow_up': 'Follow-up',
    'purpose.progression': 'Progression measurement',
    'purpose.management_information': 'Management information',
    'purpose.administration': 'Administration',
    'purpose.data_subject_request': "The citizen's request (access or erasure)",
    'purpose.support': 'Support',
    'purpose.ledelsessparring': 'Leader sparring (the leader and the jobformidler discussed the next steps)',
    'csv.date': 'date',
    'csv.time': 'time',
    'csv.purpose': 'purpose',
    'csv.kind': 'kind',
    'export.title': 'Export case {caseRef}',
    'export.intro':
      "The export gives the case's documents as JSON (GDPR art. 15 and 20) and the access log with dates and purposes. The export is logged.",
    'export.counts':
      '{cases, plural, one {# document} other {# documents}} in the case and {sensitive} with health data (art. 9).',
    'export.art9': 'Health data (art. 9) are not shown in the chat. Get the full export from the admin API: {path}',
    'export.confirm': 'Export',
    'export.done': 'Export of case {caseRef}',
    'export.json.label': 'JSON without art. 9 data (can be copied)',
    'export.file_follows': 'The export follows as a file below (JSON without art. 9 data). The download is logged.',
    'export.file_description': 'Export of case {caseRef} as JSON, without art. 9 data.',
    'export.too_large': 'The export is too large for the chat. Get it from the admin API: {path}',
    'erase.title': 'Erase case {caseRef}',
    'erase.intro':
      "All of the case's data in Fremdrift is erased for good: {cases, plural, one {# document} other {# documents}} in the case and {sensitive} with health data. The access log is kept for its own retention period as evidence.",
    'erase.law':
      "Erase only on a lawful request. Record-keeping and archive rules may take precedence (GDPR art. 17(3)); the case's record lives in the municipality's case system.",
    'erase.confirm_label': 'Type the case number {caseRef} to confirm',
    'erase.reason_label': 'Ground for erasure',
    'erase.reason.art17_request': "The citizen's request for erasure (art. 17)",
    'erase.reason.unlawful': 'The data were processed unlawfully',
    'erase.reason.registered_in_error': 'The case was created in error',
    'erase.button': 'Erase the case for good',
    'erase.mismatch': 'The case number does not match {caseRef}. Nothing was erased.',
    'erase.done':
      'Case {caseRef} is erased: {cases, plural, one {# document} other {# documents}} in the case and {sensitive} with health data. The erasure is logged.',
  },
});

export type PrivacyKey = (typeof privacyText.keys)[number];
