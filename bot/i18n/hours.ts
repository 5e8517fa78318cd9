import { defineCatalogue } from './catalogue';

/** Weekly ordinary and practice hours. */
export const hoursText = defineCatalogue({
  da: {
    'form.title': 'Timer pr. uge · {caseRef}',
    'form.intro':
      'Registrér én uge ad gangen. En uge, der allerede er registreret, bliver rettet – ikke lagt til igen.',
    'form.save': 'Gem uge',
    'field.isoWeek': 'Uge',
    'field.ordinaryHours': 'Ordinære (lønnede) timer',
    'field.practiceHours': 'Praktiktimer',
    'field.absenceHours': 'Fravær (timer)',
    'field.absenceReason': 'Årsag til fravær',
    'field.source': 'Kilde',
    'week.option': 'Uge {week} ({from} – {to})',
    'week.logged': 'registreret: {hours} ordinære t',
    'source.PAYSLIP': 'Lønseddel',
    'source.EMPLOYER': 'Arbejdsgiver',
    'source.CITIZEN': 'Borger',
    'absence.SICK': 'Sygdom',
    'absence.OTHER': 'Andet',
    saved: 'Uge {week} er gemt: {hours, plural, one {# ordinær time} other {# ordinære timer}}.',
    corrected: 'Uge {week} er rettet: {hours, plural, one {# ordinær time} other {# ordinære timer}} (før {before}).',
    unchanged: 'Uge {week} var allerede registreret med de samme tal.',
    week_invalid: 'Vælg en uge fra listen.',
    week_future: 'Uge {week} er ikke begyndt endnu. Timer registreres for en uge, der er i gang eller slut.',
    week_too_old:
      'Uge {week} ligger mere end {weeks, plural, one {# uge} other {# uger}} tilbage og kan ikke længere registreres her.',
    total_too_high:
      'Ordinære timer og praktiktimer er tilsammen {total} timer. Over {max} timer om ugen er ikke realistisk – tjek tallene.',
    absence_reason_required: 'Vælg en årsag, når der er fravær.',
  },
  en: {
    'form.title': 'Hours per week · {caseRef}',
    'form.intro': 'Log one week at a time. A week that was logged already is corrected – not added again.',
    'form.save': 'Save week',
    'field.isoWeek': 'Week',
    'field.ordinaryHours': 'Ordinary (paid) hours',
    'field.practiceHours': 'Practice hours',
    'field.absenceHours': 'Absence (hours)',
    'field.absenceReason': 'Reason for absence',
    'field.source': 'Source',
    'week.option': 'Week {week} ({from} – {to})',
    'week.logged': 'logged: {hours} ordinary h',
    'source.PAYSLIP': 'Payslip',
    'source.EMPLOYER': 'Employer',
    'source.CITIZEN': 'Citizen',
    'absence.SICK': 'Sickness',
    'absence.OTHER': 'Other',
    saved: 'Week {week} is saved: {hours, plural, one {# ordinary hour} other {# ordinary hours}}.',
    corrected:
      'Week {week} is corrected: {hours, plural, one {# ordinary hour} other {# ordinary hours}} (was {before}).',
    unchanged: 'Week {week} was already logged with the same numbers.',
    week_invalid: 'Choose a week from the list.',
    week_future: 'Week {week} has not started yet. Log hours for a week that is under way or over.',
    week_too_old:
      'Week {week} is more than {weeks, plural, one {# week} other {# weeks}} back and can no longer be logged here.',
    total_too_high:
      'Ordinary and practice hours add up to {total} hours. More than {max} hours a week is not realistic – check the numbers.',
    absence_reason_required: 'Choose a reason when there is absence.',
  },
});
