import { defineCatalogue } from './catalogue';

/** The local trial's demo municipality ("Prøv med et demo-jobcenter"). */
export const demoText = defineCatalogue({
  da: {
    'offer.text':
      'Vil du se Fremdrift i brug? Et demo-jobcenter giver {cases} opdigtede borgere, kolleger med navne og måneders arbejde – kun her på din egen maskine.',
    'offer.button': 'Prøv med et demo-jobcenter',
    'started.title': 'Demo-jobcentret bygges',
    'started.text':
      'Fremdrift opretter {cases} opdigtede borgere gennem sine egne kort: screeninger, visitationer, overdragelser og jobformidlernes opfølgning. Det tager omkring et halvt minut – jeg skriver her, når det er klar.',
    'running.text': 'Demo-jobcentret er ved at blive bygget. Jeg skriver her, når det er klar.',
    'not_empty.text':
      'Der er allerede sager i Fremdrift, så demo-jobcentret bliver ikke bygget: opdigtede borgere må ikke blandes med rigtige. Start med en tom datamappe for at prøve demoen.',
    'not_local.text': 'Demo-jobcentret findes kun i den lokale prøveversion (npm start), ikke i drift.',
    'ready.title': 'Demo-jobcentret er klar',
    'ready.text':
      '{cases} opdigtede borgere er oprettet gennem Fremdrifts egne kort. Ingen af dem er rigtige personer. Du har alle roller, så du kan se Fremdrift fra alle sider.',
    'ready.roles': 'Dine roller',
    'ready.yours': 'Dine borgere',
    'ready.yours_value': '{count} i "Mine borgere"',
    'ready.colleagues': 'Dine kolleger',
    'ready.time': 'Bygget på {seconds} sekunder.',
    'ready.start': 'Her kan du begynde:',
    'failed.text':
      'Demo-jobcentret kunne ikke bygges færdigt. Det, der nåede at blive oprettet, er gemt. Prøv igen med en tom datamappe.',
  },
  en: {
    'offer.text':
      'Want to see Fremdrift in use? A demo jobcentre gives {cases} made-up citizens, named colleagues and months of work – only here on your own machine.',
    'offer.button': 'Try a demo jobcentre',
    'started.title': 'Building the demo jobcentre',
    'started.text':
      "Fremdrift creates {cases} made-up citizens through its own cards: screenings, visitations, handovers and the jobformidlere's follow-up. It takes about half a minute – I will write here when it is ready.",
    'running.text': 'The demo jobcentre is being built. I will write here when it is ready.',
    'not_empty.text':
      'Fremdrift already has cases, so the demo jobcentre is not built: made-up citizens must not be mixed with real ones. Start with an empty data folder to try the demo.',
    'not_local.text': 'The demo jobcentre exists only in the local trial (npm start), not in production.',
    'ready.title': 'The demo jobcentre is ready',
    'ready.text':
      "{cases} made-up citizens have been created through Fremdrift's own cards. None of them is a real person. You have every role, so you can see Fremdrift from every side.",
    'ready.roles': 'Your roles',
    'ready.yours': 'Your citizens',
    'ready.yours_value': '{count} in "My citizens"',
    'ready.colleagues': 'Your colleagues',
    'ready.time': 'Built in {seconds} seconds.',
    'ready.start': 'Where to start:',
    'failed.text':
      'The demo jobcentre could not be finished. What was created so far is kept. Try again with an empty data folder.',
  },
});
