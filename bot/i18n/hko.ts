import { defineCatalogue } from './catalogue';

/** Compensation schemes (handicapkompenserende ordninger, HKO). Art. 9 data: shown to the case's jobformidler only. */
export const hkoText = defineCatalogue({
  da: {
    'form.title': 'Kompenserende ordning · {caseRef}',
    'form.intro':
      'Registrér datoerne, efterhånden som sagen skrider frem. Hurtigsporet er ca. {days, plural, one {# dag} other {# dage}} fra ansøgning til afgørelse.',
    'form.save': 'Gem',
    'field.hkoType': 'Ordning',
    'field.consideredAt': 'Behov vurderet',
    'field.appliedAt': 'Ansøgt',
    'field.decidedAt': 'Afgjort',
    'field.decision': 'Afgørelse',
    'field.deliveredAt': 'Leveret',
    saved: 'Ordningen er gemt.',
    decision_without_date: 'Udfyld både "Afgørelse" og "Afgjort", eller ingen af dem.',
    delivered_without_grant: 'En ordning kan kun være leveret, når den er bevilget.',
    'line.applied': 'ansøgt {date}',
    'line.days': '{days, plural, one {# dag} other {# dage}} til afgørelse',
  },
  en: {
    'form.title': 'Compensation scheme · {caseRef}',
    'form.intro':
      'Record the dates as the case progresses. The fast track is about {days, plural, one {# day} other {# days}} from application to decision.',
    'form.save': 'Save',
    'field.hkoType': 'Scheme',
    'field.consideredAt': 'Need assessed',
    'field.appliedAt': 'Applied',
    'field.decidedAt': 'Decided',
    'field.decision': 'Decision',
    'field.deliveredAt': 'Delivered',
    saved: 'The scheme is saved.',
    decision_without_date: 'Fill in both "Decision" and "Decided", or neither.',
    delivered_without_grant: 'A scheme can only be delivered once it is granted.',
    'line.applied': 'applied {date}',
    'line.days': '{days, plural, one {# day} other {# days}} to decision',
  },
});
