import { defineCatalogue } from './catalogue';

export const onboardingText = defineCatalogue({
  da: {
    'welcome.title': 'Velkommen til Fremdrift',
    'welcome.intro':
      'Fremdrift hjælper jobcentret med indsatsmodellen: screening, klare arbejdsaftaler med ordinære timer fra start, tæt opfølgning mod 30 ordinære timer om ugen – og ugentlig styringsinformation til lederne.',
    'welcome.your_roles': 'Dine roller: {roles}',
    'welcome.no_role':
      'Du har endnu ingen rolle. Bed din administrator om at give dig en rolle. Dit id i Entra er: {userId}',
    'welcome.role.screener':
      'Som screener kan du gennemføre en guidet screening sammen med borgeren, træffe visitationsbeslutning og overdrage til en jobformidler.',
    'welcome.role.jobformidler':
      'Som jobformidler får du "Mine borgere" med opfølgninger, der forfalder, ABC-jobmål, arbejdsaftaler som tjekliste og registrering af ordinære timer.',
    'welcome.role.leder':
      'Som leder kan du abonnere på en ugentlig styringsrapport i teamets kanal – kun samlede tal, små tal skjules.',
    'welcome.role.admin': 'Som administrator kan du give og fjerne roller, sætte kommunens tærskler og udtrække logs.',
    'welcome.role.virksomhedskonsulent':
      'Som virksomhedskonsulent har du virksomhederne, jeres kontakter med dem og deres jobåbninger. Borgerne ser du kun, når en jobformidler tager et match på en af dine jobåbninger.',
    'welcome.role.myndighedssagsbehandler':
      'Som myndighedssagsbehandler ejer du borgere i gruppe 2 (rehabilitering): møde i rehabiliteringsteamet, indstilling og afslutning. Du finder dem i "Mine borgere".',
    'welcome.channel':
      'I en kanal skal du nævne mig (@Fremdrift). En leder kan skrive "@Fremdrift abonnér på ugerapport".',
    'welcome.help_hint': 'Skriv "hjælp" for at se, hvad du kan.',
    'help.title': 'Hvad kan jeg hjælpe med?',
    'help.intro': 'Tryk på en knap – eller skriv kommandoen i chatten. Du ser kun det, du har adgang til.',
    'help.group.screener': 'Som screener',
    'help.group.jobformidler': 'Som jobformidler',
    'help.group.leder': 'Som leder',
    'help.group.admin': 'Som administrator',
    'help.group.virksomhedskonsulent': 'Som virksomhedskonsulent',
    'help.group.myndighedssagsbehandler': 'Som myndighedssagsbehandler',
    'help.group.general': 'For alle',
    'help.case_ref': 'Sagsnummer',
    'help.case_ref_placeholder': 'Fx kommunens sagsnummer eller FR-XXXX-XXXX',
    'help.run': 'Kør "{command}"',
    'help.channel_more':
      'Her kan du kun det, der står ovenfor: alt med sager og borgere foregår i din 1:1-chat med Fremdrift, hvor ingen andre læser med.',
    'help.no_role':
      'Du har endnu ingen rolle i Fremdrift, så der er ingen kommandoer til dig endnu. Bed din administrator om en rolle. Dit id i Entra er: {userId}',
    'help.command': 'Kommando',
    'help.button': 'Hjælp',
    'help.cmd.help': 'Vis denne oversigt',
    'help.cmd.welcome': 'Vis velkomsten igen',
  },
  en: {
    'welcome.title': 'Welcome to Fremdrift',
    'welcome.intro':
      'Fremdrift helps the jobcentre run the indsatsmodel: screening, clear work agreements with ordinary paid hours from the start, close follow-up toward 30 ordinary hours a week – and a weekly steering digest for leaders.',
    'welcome.your_roles': 'Your roles: {roles}',
    'welcome.no_role': 'You do not have a role yet. Ask your admin to give you one. Your Entra id is: {userId}',
    'welcome.role.screener':
      'As a screener you can run a guided screening with the citizen, record the visitation decision and hand over to a jobformidler.',
    'welcome.role.jobformidler':
      'As a jobformidler you get "My citizens" with due follow-ups, ABC job goals, work agreements as checklists and logging of ordinary hours.',
    'welcome.role.leder':
      "As a leader you can subscribe your team's channel to a weekly steering digest – aggregates only, small numbers hidden.",
    'welcome.role.admin':
      "As an admin you can grant and revoke roles, set the municipality's thresholds and extract logs.",
    'welcome.role.virksomhedskonsulent':
      'As a company consultant you have the companies, your contacts with them and their job openings. You see citizens only when a jobformidler takes a match on one of your job openings.',
    'welcome.role.myndighedssagsbehandler':
      'As a caseworker (authority) you own citizens in group 2 (rehabilitation): the rehabilitation team meeting, the recommendation and closing. You find them in "My citizens".',
    'welcome.channel':
      'In a channel, mention me (@Fremdrift). A leader can write "@Fremdrift subscribe to weekly digest".',
    'welcome.help_hint': 'Type "help" to see what you can do.',
    'help.title': 'What can I help with?',
    'help.intro': 'Press a button – or type the command in the chat. You only see what you have access to.',
    'help.group.screener': 'As a screener',
    'help.group.jobformidler': 'As a jobformidler',
    'help.group.leder': 'As a leader',
    'help.group.admin': 'As an admin',
    'help.group.virksomhedskonsulent': 'As a company consultant',
    'help.group.myndighedssagsbehandler': 'As a caseworker (authority)',
    'help.group.general': 'For everyone',
    'help.case_ref': 'Case number',
    'help.case_ref_placeholder': "E.g. the municipality's case number or FR-XXXX-XXXX",
    'help.run': 'Run "{command}"',
    'help.channel_more':
      'Here you can only do what is listed above: everything about cases and citizens happens in your 1:1 chat with Fremdrift, where nobody else reads along.',
    'help.no_role':
      'You do not have a role in Fremdrift yet, so there are no commands for you yet. Ask your admin for a role. Your Entra id is: {userId}',
    'help.command': 'Command',
    'help.button': 'Help',
    'help.cmd.help': 'Show this overview',
    'help.cmd.welcome': 'Show the welcome again',
  },
});
