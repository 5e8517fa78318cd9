import { defineCatalogue } from './catalogue';

/** The screening's own words. Question texts live in the questionnaire files (they are versioned data). */
export const screeningText = defineCatalogue({
  da: {
    'cmd.new.help': 'Start en guidet screening sammen med borgeren',
    'cmd.new.quick': 'Ny screening',
    'cmd.list.help': 'Se dine igangværende screeninger og dem, der er afsluttet i denne uge',
    'cmd.list.quick': 'Mine screeninger',
    'cmd.answers.help': 'Se svarene fra en screening (kun screeneren og sagens jobformidler)',

    'start.title': 'Ny screening',
    'start.intro':
      'Borgeren kendes i Fremdrift kun ved et sagsnummer. Skriv kommunens sagsnummer, eller lad feltet stå tomt, så laver Fremdrift et. Skriv aldrig et CPR-nummer.',
    'start.case_number': 'Sagsnummer (valgfrit)',
    'start.placeholder': 'fx 2024-123456',
    'start.button': 'Start screening',
    'start.error.format':
      'Sagsnummeret må kun indeholde bogstaver, tal, punktum, bindestreg og understregning (3–40 tegn). Intet er gemt.',
    'start.error.cpr':
      'Sagsnummeret ligner et CPR-nummer. Fremdrift må ikke gemme CPR-numre – brug kommunens sagsnummer, eller lad feltet stå tomt. Intet er gemt.',
    'start.error.taken':
      'Sagsnummeret {caseRef} er allerede i brug i Fremdrift. Tjek nummeret, eller lad feltet stå tomt.',
    'start.resumed': 'Du var allerede i gang med sag {caseRef}. Du fortsætter, hvor du slap.',

    'step.title': 'Screening – sag {caseRef}',
    'step.progress': 'Trin {n} af {total}: {title}',
    'step.errors': 'Tjek de markerede felter. Trinnet er ikke gemt endnu.',
    'step.error.required': 'Vælg et svar.',
    'step.error.date_required': 'Der mangler en dato i "{field}". Vælg datoen, eller skriv den som ÅÅÅÅ-MM-DD.',
    'step.error.must_confirm': 'Bekræft, at borgeren er orienteret, før I går videre.',
    'step.error.invalid_choice': 'Vælg en af mulighederne.',
    'step.error.invalid_date': 'Skriv en gyldig dato (ÅÅÅÅ-MM-DD).',
    'step.error.date_too_early': 'Datoen kan tidligst være {date}.',
    'step.error.date_too_late': 'Datoen kan senest være {date}.',
    'step.back': 'Tilbage',
    'step.next': 'Næste',
    'step.finish': 'Afslut screening',
    'step.pause': 'Gem og fortsæt senere',
    'step.abort': 'Afbryd',
    'step.saved_note': 'Hvert trin gemmes, så du kan fortsætte senere – også fra en anden enhed.',
    'step.moved_on': 'Screeningen var allerede gået videre. Her er det trin, den står ved nu.',
    'step.yes': 'Ja',
    'step.no': 'Nej',

    'outcome.suggested': 'Forslag: {outcome}',
    'outcome.why': 'Hvorfor:',
    'outcome.decide': 'Du beslutter. Bekræft forslaget, eller vælg et andet udfald.',
    'outcome.label': 'Udfald af screeningen',
    'outcome.NO_INDICATION': 'Ingen indikation af vanskeligheder',
    'outcome.INDICATION_NO_JOB_IMPACT': 'Indikation af vanskeligheder uden betydning for job',
    'outcome.INDICATION_WITH_JOB_IMPACT': 'Indikation af vanskeligheder med betydning for job eller uddannelse',
    'outcome.DECLINED': 'Ønsker ikke at svare',
    'outcome.ABORTED': 'Afbrudt',
    'reason.participation_declined': 'Borgeren ønskede ikke at svare på spørgsmålene.',
    'reason.gateway.YES':
      'Borgeren svarede ja til, at noget i hverdagen eller med helbredet har betydning for arbejde eller uddannelse.',
    'reason.gateway.NO':
      'Borgeren svarede nej til, at noget i hverdagen eller med helbredet har betydning for arbejde eller uddannelse.',
    'reason.gateway.DONT_KNOW':
      'Borgeren vidste ikke, om noget i hverdagen eller med helbredet har betydning for arbejde eller uddannelse.',
    'reason.gateway.REFUSED': 'Borgeren ønskede ikke at svare på, om noget har betydning for arbejde eller uddannelse.',
    'reason.gateway.MISSING': 'Spørgsmålet om betydning for arbejde er ikke besvaret.',
    'reason.wg_severe': 'Store vanskeligheder eller "kan slet ikke" inden for: {domains}.',
    'reason.wg_not_severe':
      'Ingen af de seks funktionsspørgsmål er besvaret med store vanskeligheder eller "kan slet ikke".',
    'reason.wg_unanswered':
      '{count} af de seks funktionsspørgsmål er besvaret med "ved ikke" eller "ønsker ikke at svare" (eller ikke besvaret), så forslaget er mere usikkert.',
    'reason.nothing_answered': 'Ingen af funktionsspørgsmålene er besvaret.',
    'reason.clarify_job_impact': 'Afklar betydningen for arbejde i visitationssamtalen.',
    'domain.SEEING': 'syn',
    'domain.HEARING': 'hørelse',
    'domain.MOBILITY': 'gang og trapper',
    'domain.COGNITION': 'hukommelse og koncentration',
    'domain.SELF_CARE': 'personlig pleje',
    'domain.COMMUNICATION': 'kommunikation',

    'abort.title': 'Afbryd screeningen?',
    'abort.body':
      'Screeningen for sag {caseRef} registreres som afbrudt. De svar, der er givet indtil nu, slettes – Fremdrift gemmer kun, at screeningen blev afbrudt, og hvornår.',
    'abort.confirm': 'Ja, afbryd',
    'abort.cancel': 'Nej, fortsæt screeningen',

    'paused.title': 'Screeningen er gemt',
    'paused.body': 'Sag {caseRef} er gemt ved trin {n} af {total}. Fortsæt her, eller skriv "mine screeninger".',
    'paused.resume': 'Fortsæt screeningen',

    'summary.completed': 'Screening gennemført',
    'summary.aborted': 'Screening afbrudt',
    'summary.case': 'Sag',
    'summary.date': 'Dato',
    'summary.questionnaire': 'Skema',
    'summary.next': 'Næste skridt',
    'summary.next.VISITATION_CONVERSATION': 'Visitationssamtale {date}',
    'summary.next.REFERRAL': 'Henvist til anden indsats',
    'summary.next.NONE': 'Intet næste skridt',
    'summary.quiet': 'Svarene er gemt fortroligt og vises ikke i chatten. Kun du og sagens jobformidler kan se dem.',
    'summary.quiet_aborted':
      'De svar, der var givet, er slettet. Fremdrift har kun gemt, at screeningen blev afbrudt, og hvornår.',
    'summary.visitation': 'Visitationsbeslutning',
    'summary.answers': 'Se svar',
    'summary.list': 'Mine screeninger',
    'summary.closed':
      'Sagen er afsluttet, og opbevaringsperioden er begyndt: oplysningerne slettes {date}. Kommer borgeren igen, kan du genåbne sagen indtil da.',
    'summary.reopen': 'Genåbn sagen',

    'answers.title': 'Screeningssvar – sag {caseRef}',
    'answers.confidential':
      'Fortroligt. Kun screeneren og sagens jobformidler kan se svarene, og opslaget er logget. Skjul svarene, når du er færdig.',
    'answers.none': '–',
    'answers.outcome': 'Udfald',
    'answers.suggested': 'Foreslået udfald',
    'answers.changed': '{outcome} (ændret af screeneren)',
    'answers.hide': 'Skjul svar',
    'answers.status.IN_PROGRESS': 'I gang',
    'answers.status.COMPLETED': 'Gennemført',
    'answers.status.ABORTED': 'Afbrudt',

    'list.title': 'Mine screeninger',
    'list.in_progress': 'I gang',
    'list.awaiting': 'Afventer visitationsbeslutning',
    'list.this_week': 'Afsluttet i denne uge',
    'list.empty': 'Du har ingen igangværende screeninger, og ingen er afsluttet i denne uge.',
    'list.row.progress': 'Trin {n} af {total} · startet {date}',
    'list.row.done': '{status} {date}',
    'list.row.awaiting': 'Screenet {date}',
    'list.resume': 'Fortsæt',
    'list.visit': 'Visitér',
    'list.new': 'Ny screening',
    'list.capped': 'Viser de seneste {shown}.',

    'error.no_screening': 'Der er ingen screening for sag {caseRef}, som du har adgang til.',
    'error.case_ref': 'Skriv sagsnummeret efter kommandoen, fx "screeningssvar FR-7KQ2-M9XA".',
  },
  en: {
    'cmd.new.help': 'Start a guided screening with the citizen',
    'cmd.new.quick': 'New screening',
    'cmd.list.help': 'See your screenings in progress and those finished this week',
    'cmd.list.quick': 'My screenings',
    'cmd.answers.help': "See a screening's answers (only the screener and the case's jobformidler)",

    'start.title': 'New screening',
    'start.intro':
      "In Fremdrift a citizen is known only by a case number. Type the municipality's case number, or leave the field empty and Fremdrift makes one. Never type a CPR number.",
    'start.case_number': 'Case number (optional)',
    'start.placeholder': 'e.g. 2024-123456',
    'start.button': 'Start screening',
    'start.error.format':
      'The case number may contain only letters, digits, dots, hyphens and underscores (3–40 characters). Nothing was saved.',
    'start.error.cpr':
      "The case number looks like a CPR number. Fremdrift must not store CPR numbers – use the municipality's case number, or leave the field empty. Nothing was saved.",
    'start.error.taken':
      'The case number {caseRef} is already in use in Fremdrift. Check the number, or leave the field empty.',
    'start.resumed': 'You had already started case {caseRef}. You continue where you left off.',

    'step.title': 'Screening – case {caseRef}',
    'step.progress': 'Step {n} of {total}: {title}',
    'step.errors': 'Check the marked fields. This step is not saved yet.',
    'step.error.required': 'Choose an answer.',
    'step.error.date_required': '"{field}" needs a date. Pick the date, or type it as YYYY-MM-DD.',
    'step.error.must_confirm': 'Confirm that the citizen has been informed before you go on.',
    'step.error.invalid_choice': 'Choose one of the options.',
    'step.error.invalid_date': 'Enter a valid date (YYYY-MM-DD).',
    'step.error.date_too_early': 'The date can be {date} at the earliest.',
    'step.error.date_too_late': 'The date can be {date} at the latest.',
    'step.back': 'Back',
    'step.next': 'Next',
    'step.finish': 'Finish screening',
    'step.pause': 'Save and continue later',
    'step.abort': 'Abort',
    'step.saved_note': 'Every step is saved, so you can continue later – also from another device.',
    'step.moved_on': 'The screening had already moved on. Here is the step it is at now.',
    'step.yes': 'Yes',
    'step.no': 'No',

    'outcome.suggested': 'Suggestion: {outcome}',
    'outcome.why': 'Why:',
    'outcome.decide': 'You decide. Confirm the suggestion, or choose another outcome.',
    'outcome.label': 'Outcome of the screening',
    'outcome.NO_INDICATION': 'No indication of difficulties',
    'outcome.INDICATION_NO_JOB_IMPACT': 'Indication of difficulties without impact on work',
    'outcome.INDICATION_WITH_JOB_IMPACT': 'Indication of difficulties with impact on work or education',
    'outcome.DECLINED': 'Does not want to answer',
    'outcome.ABORTED': 'Aborted',
    'reason.participation_declined': 'The citizen did not want to answer the questions.',
    'reason.gateway.YES':
      'The citizen said yes: something in everyday life or with their health matters for work or education.',
    'reason.gateway.NO':
      'The citizen said no: nothing in everyday life or with their health matters for work or education.',
    'reason.gateway.DONT_KNOW':
      'The citizen did not know whether something in everyday life or with their health matters for work or education.',
    'reason.gateway.REFUSED': 'The citizen did not want to say whether anything matters for work or education.',
    'reason.gateway.MISSING': 'The question about what matters for work was not answered.',
    'reason.wg_severe': 'A lot of difficulty or "cannot do at all" in: {domains}.',
    'reason.wg_not_severe':
      'None of the six functioning questions was answered with a lot of difficulty or "cannot do at all".',
    'reason.wg_unanswered':
      '{count, plural, one {# of the six functioning questions was} other {# of the six functioning questions were}} answered "don\'t know" or "does not want to answer" (or not at all), so the suggestion is less certain.',
    'reason.nothing_answered': 'None of the functioning questions was answered.',
    'reason.clarify_job_impact': 'Clarify what it means for work in the visitation conversation.',
    'domain.SEEING': 'seeing',
    'domain.HEARING': 'hearing',
    'domain.MOBILITY': 'walking and steps',
    'domain.COGNITION': 'remembering and concentrating',
    'domain.SELF_CARE': 'self-care',
    'domain.COMMUNICATION': 'communicating',

    'abort.title': 'Abort the screening?',
    'abort.body':
      'The screening for case {caseRef} is recorded as aborted. The answers given so far are deleted – Fremdrift keeps only that the screening was aborted, and when.',
    'abort.confirm': 'Yes, abort',
    'abort.cancel': 'No, continue the screening',

    'paused.title': 'The screening is saved',
    'paused.body': 'Case {caseRef} is saved at step {n} of {total}. Continue here, or type "my screenings".',
    'paused.resume': 'Continue the screening',

    'summary.completed': 'Screening completed',
    'summary.aborted': 'Screening aborted',
    'summary.case': 'Case',
    'summary.date': 'Date',
    'summary.questionnaire': 'Questionnaire',
    'summary.next': 'Next step',
    'summary.next.VISITATION_CONVERSATION': 'Visitation conversation {date}',
    'summary.next.REFERRAL': 'Referred to another service',
    'summary.next.NONE': 'No next step',
    'summary.quiet':
      "The answers are stored confidentially and are not shown in the chat. Only you and the case's jobformidler can see them.",
    'summary.quiet_aborted':
      'The answers that were given are deleted. Fremdrift keeps only that the screening was aborted, and when.',
    'summary.visitation': 'Visitation decision',
    'summary.answers': 'See answers',
    'summary.list': 'My screenings',
    'summary.closed':
      'The case is closed and its retention period has started: the data is deleted on {date}. If the citizen comes back, you can re-open the case until then.',
    'summary.reopen': 'Re-open the case',

    'answers.title': 'Screening answers – case {caseRef}',
    'answers.confidential':
      "Confidential. Only the screener and the case's jobformidler can see the answers, and this look-up is logged. Hide the answers when you are done.",
    'answers.none': '–',
    'answers.outcome': 'Outcome',
    'answers.suggested': 'Suggested outcome',
    'answers.changed': '{outcome} (changed by the screener)',
    'answers.hide': 'Hide answers',
    'answers.status.IN_PROGRESS': 'In progress',
    'answers.status.COMPLETED': 'Completed',
    'answers.status.ABORTED': 'Aborted',

    'list.title': 'My screenings',
    'list.in_progress': 'In progress',
    'list.awaiting': 'Waiting for a visitation decision',
    'list.this_week': 'Finished this week',
    'list.empty': 'You have no screenings in progress, and none finished this week.',
    'list.row.progress': 'Step {n} of {total} · started {date}',
    'list.row.done': '{status} {date}',
    'list.row.awaiting': 'Screened {date}',
    'list.resume': 'Continue',
    'list.visit': 'Decide visitation',
    'list.new': 'New screening',
    'list.capped': 'Showing the latest {shown}.',

    'error.no_screening': 'There is no screening for case {caseRef} that you have access to.',
    'error.case_ref': 'Type the case number after the command, e.g. "screening answers FR-7KQ2-M9XA".',
  },
});

export type ScreeningKey = (typeof screeningText.keys)[number];
