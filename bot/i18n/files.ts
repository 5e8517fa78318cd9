import { defineCatalogue } from './catalogue';

/** Files the bot sends in the 1:1 chat (PDF copies, case exports): the offer, the link and what happens. */
export const filesText = defineCatalogue({
  da: {
    'card.title': 'Fil til dig: {name}',
    'card.size': 'Størrelse',
    'card.expires': 'Linket virker én gang og indtil kl. {time}.',
    'card.download': 'Hent filen',
    'card.why':
      'Filen er lavet til dig alene. Gem eller print den, og del den kun med dem, der skal have den. Hentningen bliver logget.',
    'consent.description': '{description} Filen bliver gemt i din OneDrive, når du accepterer.',
    'consent.declined': 'Filen blev ikke sendt. Du kan bede om den igen.',
    'consent.failed': 'Filen kunne ikke gemmes i din OneDrive. Prøv igen om lidt.',
    'consent.sent': 'Filen {name} er gemt i din OneDrive.',
    'only.personal': 'Filer sendes kun i din 1:1-chat med Fremdrift.',
    'link.gone': 'Linket er brugt eller udløbet. Bed om filen igen i chatten med Fremdrift.',
    'link.denied': 'Du har ikke længere adgang til denne fil.',
  },
  en: {
    'card.title': 'A file for you: {name}',
    'card.size': 'Size',
    'card.expires': 'The link works once and until {time}.',
    'card.download': 'Download the file',
    'card.why':
      'The file was made for you alone. Save or print it, and share it only with those who need it. The download is logged.',
    'consent.description': '{description} The file is saved in your OneDrive when you accept.',
    'consent.declined': 'The file was not sent. You can ask for it again.',
    'consent.failed': 'The file could not be saved in your OneDrive. Please try again shortly.',
    'consent.sent': 'The file {name} is saved in your OneDrive.',
    'only.personal': 'Files are only sent in your 1:1 chat with Fremdrift.',
    'link.gone': 'The link has been used or has expired. Ask for the file again in the chat with Fremdrift.',
    'link.denied': 'You no longer have access to this file.',
  },
});
