import { defineCatalogue } from './catalogue';

/** Strings shared by every feature: errors, access answers and the generic pointers. */
export const common = defineCatalogue({
  da: {
    'app.name': 'Fremdrift',
    'error.unexpected':
      'Beklager, noget gik galt i Fremdrift. Prøv igen om lidt – der er ikke gemt noget halvt færdigt.',
    'error.store_unavailable':
      'Fremdrift kan ikke nå sin database lige nu. Prøv igen om lidt – det, du sendte, er ikke gemt.',
    'error.no_role':
      'Du har endnu ingen rolle i Fremdrift. Bed din administrator (nøgleperson) om at give dig en rolle som screener, jobformidler eller leder.',
    'error.forbidden': 'Det har din rolle ikke adgang til. Spørg din administrator, hvis du mener, det er en fejl.',
    'error.not_owner': 'Du har ikke adgang til denne sag. Kun sagens jobformidler (og den, der screenede) kan se den.',
    'error.tenant_not_allowed': 'Fremdrift er ikke sat op til din organisation. Kontakt jobcentrets it-afdeling.',
    'error.cpr_in_text':
      'Teksten ser ud til at indeholde et CPR-nummer. Fremdrift må ikke gemme CPR-numre – brug sagsnummeret i stedet. Intet er gemt.',
    'error.cpr_in_field':
      'Feltet "{field}" ser ud til at indeholde et CPR-nummer. Fjern det og brug sagsnummeret i stedet. Intet er gemt.',
    'error.conflict':
      'En anden har gemt ændringer imens. Her er den nyeste udgave – dine ændringer er ikke gemt, så tjek og gem igen.',
    'error.not_found': 'Det kunne ikke findes. Måske er det slettet, eller også har du ikke adgang.',
    'error.unknown_action': 'Den knap kender Fremdrift ikke (længere). Skriv "hjælp" for at se, hvad du kan.',
    'error.malformed': 'Det sendte kunne ikke læses. Prøv at åbne kortet igen. Intet er gemt.',
    'error.required': 'Udfyld "{field}".',
    'error.date_required': 'Der mangler en dato i "{field}". Vælg datoen, eller skriv den som ÅÅÅÅ-MM-DD.',
    'error.invalid_date': '"{field}" skal være en gyldig dato (ÅÅÅÅ-MM-DD).',
    'error.number_range': '"{field}" skal være et tal mellem {min} og {max}.',
    'error.text_too_long': '"{field}" må højst være {max} tegn.',
    'error.invalid_choice': 'Vælg en af mulighederne i "{field}".',
    'personal_only.title': 'Det tager vi i din egen chat med Fremdrift',
    'personal_only.text':
      'Sager og oplysninger om borgere vises kun i din 1:1-chat med Fremdrift, hvor ingen andre læser med. Åbn chatten og skriv det samme dér.',
    'personal_only.open': 'Åbn chat med Fremdrift',
    'unknown.command': 'Det forstod jeg ikke. Skriv "hjælp" for at se, hvad jeg kan hjælpe med.',
    'error.file_unsupported':
      'Den slags fil kan Fremdrift ikke bruge. Skriv "hjælp" for at se, hvad du kan. Intet er gemt.',
    'error.file_unavailable': 'Filen kunne ikke hentes. Prøv at sende den igen. Intet er gemt.',
    'error.file_too_large': 'Filen er for stor (højst {maxKb} KB). Intet er gemt.',
    'role.screener': 'Screener',
    'role.jobformidler': 'Jobformidler',
    'role.leder': 'Leder',
    'role.admin': 'Administrator',
    'role.virksomhedskonsulent': 'Virksomhedskonsulent',
    'role.myndighedssagsbehandler': 'Myndighedssagsbehandler',
    'staff.unnamed': 'Kollega, der ikke har skrevet til Fremdrift endnu (…{tail})',
    'action.back': 'Tilbage',
    'action.next': 'Næste',
    'action.save': 'Gem',
    'action.cancel': 'Annuller',
    'action.open': 'Åbn',
  },
  en: {
    'app.name': 'Fremdrift',
    'error.unexpected':
      'Sorry, something went wrong in Fremdrift. Please try again shortly – nothing was left half-saved.',
    'error.store_unavailable':
      'Fremdrift cannot reach its database right now. Please try again shortly – what you sent was not saved.',
    'error.no_role':
      'You do not have a role in Fremdrift yet. Ask your admin (key person) to give you the screener, jobformidler or leader role.',
    'error.forbidden': 'Your role does not give access to that. Ask your admin if you think this is a mistake.',
    'error.not_owner':
      "You do not have access to this case. Only the case's jobformidler (and whoever screened) can see it.",
    'error.tenant_not_allowed': "Fremdrift is not set up for your organisation. Contact the jobcentre's IT department.",
    'error.cpr_in_text':
      'The text seems to contain a CPR number. Fremdrift must not store CPR numbers – use the case number instead. Nothing was saved.',
    'error.cpr_in_field':
      'The field "{field}" seems to contain a CPR number. Remove it and use the case number instead. Nothing was saved.',
    'error.conflict':
      'Someone else saved changes meanwhile. Here is the latest version – your changes were not saved, so check and save again.',
    'error.not_found': 'That could not be found. It may have been deleted, or you may not have access.',
    'error.unknown_action': 'Fremdrift does not know that button (any more). Type "help" to see what you can do.',
    'error.malformed': 'What was sent could not be read. Try opening the card again. Nothing was saved.',
    'error.required': 'Please fill in "{field}".',
    'error.date_required': '"{field}" needs a date. Pick the date, or type it as YYYY-MM-DD.',
    'error.invalid_date': '"{field}" must be a valid date (YYYY-MM-DD).',
    'error.number_range': '"{field}" must be a number between {min} and {max}.',
    'error.text_too_long': '"{field}" may be at most {max} characters.',
    'error.invalid_choice': 'Choose one of the options in "{field}".',
    'personal_only.title': "Let's take this to your own chat with Fremdrift",
    'personal_only.text':
      'Cases and details about citizens are shown only in your 1:1 chat with Fremdrift, where nobody else reads along. Open the chat and type the same there.',
    'personal_only.open': 'Open chat with Fremdrift',
    'unknown.command': 'I did not understand that. Type "help" to see what I can help with.',
    'error.file_unsupported':
      'Fremdrift cannot use that kind of file. Type "help" to see what you can do. Nothing was saved.',
    'error.file_unavailable': 'The file could not be downloaded. Try sending it again. Nothing was saved.',
    'error.file_too_large': 'The file is too large (at most {maxKb} KB). Nothing was saved.',
    'role.screener': 'Screener',
    'role.jobformidler': 'Jobformidler',
    'role.leder': 'Leader',
    'role.admin': 'Admin',
    'role.virksomhedskonsulent': 'Company consultant',
    'role.myndighedssagsbehandler': 'Caseworker (authority)',
    'staff.unnamed': 'Colleague who has not written to Fremdrift yet (…{tail})',
    'action.back': 'Back',
    'action.next': 'Next',
    'action.save': 'Save',
    'action.cancel': 'Cancel',
    'action.open': 'Open',
  },
});

export type CommonKey = (typeof common.keys)[number];
