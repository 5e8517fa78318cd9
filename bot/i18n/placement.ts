import { defineCatalogue } from './catalogue';

/** Placements (virksomhedsforløb mv.). */
export const placementText = defineCatalogue({
  da: {
    'form.new': 'Nyt forløb · {caseRef}',
    'form.edit': 'Ret forløb · {caseRef}',
    'form.intro': 'Alle typer tæller som virksomhedsforløb mv. Under et aktivt forløb følges der op {every}.',
    'form.save': 'Gem forløb',
    'field.placementType': 'Type',
    'field.companyName': 'Virksomhed',
    'field.startDate': 'Start',
    'field.plannedEndDate': 'Planlagt slut',
    'field.actualEndDate': 'Faktisk slut',
    'field.status': 'Status',
    saved: 'Forløbet er gemt.',
    active_before_start: 'Et forløb kan først være aktivt fra startdatoen. Vælg "Planlagt", eller ret startdatoen.',
    end_required: 'Udfyld "Faktisk slut", når forløbet er afsluttet, afbrudt eller overgået til ansættelse.',
    end_in_future: '"Faktisk slut" kan ikke ligge efter i dag.',
    end_only_when_ended:
      '"Faktisk slut" udfyldes først, når forløbet er afsluttet, afbrudt eller overgået til ansættelse.',
  },
  en: {
    'form.new': 'New placement · {caseRef}',
    'form.edit': 'Edit placement · {caseRef}',
    'form.intro': 'All types count as company-based activity. During an active placement, follow up {every}.',
    'form.save': 'Save placement',
    'field.placementType': 'Type',
    'field.companyName': 'Company',
    'field.startDate': 'Start',
    'field.plannedEndDate': 'Planned end',
    'field.actualEndDate': 'Actual end',
    'field.status': 'Status',
    saved: 'The placement is saved.',
    active_before_start:
      'A placement can only be active from its start date. Choose "Planned", or correct the start date.',
    end_required: 'Fill in "Actual end" when the placement is completed, interrupted or converted to employment.',
    end_in_future: '"Actual end" cannot be later than today.',
    end_only_when_ended:
      'Fill in "Actual end" only once the placement is completed, interrupted or converted to employment.',
  },
});
