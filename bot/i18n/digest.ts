import { defineCatalogue } from './catalogue';

/** The leader digest: commands, replies, the card's frame, and messages to admins. Danish first. */
export const digestText = defineCatalogue({
  da: {
    'cmd.subscribe.help': 'Giv kanalen den ugentlige ugerapport (resultater, flow og kvalitet)',
    'cmd.unsubscribe.help': 'Stop ugerapporten i kanalen',
    'cmd.preview.help': 'Se ugerapporten nu, privat til dig',
    'cmd.preview.quick': 'Vis ugerapport',
    'subscribe.only_in_channel':
      'Skriv det i den kanal, der skal have ugerapporten, og nævn mig: "@Fremdrift abonnér på ugerapport".',
    'subscribe.no_installation':
      'Jeg kan ikke finde teamet. Fjern Fremdrift fra teamet og tilføj det igen, og prøv så igen. Intet er gemt.',
    'subscribe.done':
      'Kanalen får nu ugerapporten for {scope} hver {weekday} kl. {time} (dansk tid) på {language}. Første gang: {first}. {change}',
    'subscribe.change.da': 'Skriv "@Fremdrift abonnér på ugerapport på engelsk" for at få den på engelsk.',
    'subscribe.change.en': 'Skriv "@Fremdrift abonnér på ugerapport på dansk" for at få den på dansk.',
    'subscribe.bad_time': 'Klokkeslættet "{value}" findes ikke. Skriv fx "kl. 8:00". Intet er gemt.',
    'subscribe.unknown_words':
      'Det forstod jeg ikke: "{words}". Eksempel: "abonnér på ugerapport for teamet mandag kl. 8:00 på dansk". Intet er gemt.',
    'subscribe.no_team_members':
      'Jeg kan ikke se teamets medlemmer lige nu, så jeg kan ikke lave en rapport for teamet. Prøv igen, eller vælg "for kommunen". Intet er gemt.',
    'unsubscribe.done':
      'Kanalen får ikke længere ugerapporten. Skriv "@Fremdrift abonnér på ugerapport" for at starte igen.',
    'unsubscribe.none': 'Kanalen abonnerer ikke på ugerapporten.',
    'preview.coming': 'Jeg laver ugerapporten og sender den til dig i en privat chat om et øjeblik.',
    'preview.failed': 'Ugerapporten kunne ikke laves lige nu. Prøv igen om lidt.',
    'admin.gone':
      'Ugerapporten kunne ikke leveres i en kanal, fordi Fremdrift ikke længere har adgang til den (fjernet fra teamet eller kanalen). Abonnementet er stoppet. Tilføj Fremdrift igen og skriv "@Fremdrift abonnér på ugerapport" i kanalen for at starte det igen.',
    'scope.municipality': 'hele kommunen',
    'scope.team': 'teamets borgere',
    'language.da': 'dansk',
    'language.en': 'engelsk',
    'weekday.1': 'mandag',
    'weekday.2': 'tirsdag',
    'weekday.3': 'onsdag',
    'weekday.4': 'torsdag',
    'weekday.5': 'fredag',
    'weekday.6': 'lørdag',
    'weekday.7': 'søndag',
    'card.title': 'Ugerapport · uge {week}',
    'card.subtitle': '{scope} · tal til og med {date}',
    'card.preview': 'Forhåndsvisning, kun til dig. Kanalen ser det samme – dog uden arbejdsbyrden nederst.',
    'card.target': 'Mål: {target}',
    'card.change.up': '▲ {points} procentpoint siden sidste uge',
    'card.change.down': '▼ {points} procentpoint siden sidste uge',
    'card.change.same': 'Uændret siden sidste uge',
    'card.change.none': 'Ingen sammenligning med sidste uge',
    'card.chart.title': 'Andel i virksomhedsforløb mv., 12 uger',
    'card.chart.series': 'Andel',
    'card.chart.target': 'Mål',
    'card.chart.week': 'Uge',
    'card.chart.none': 'Udviklingen vises, når der er tal nok.',
    'card.what': 'Hvad betyder tallet? Tryk på en linje med (?).',
    'card.what_command': 'Hvad betyder tallene? Skriv "forklar ugerapport" til Fremdrift.',
    'card.definitions.title': 'Sådan læses ugerapporten',
    'card.definitions.intro': 'Hvert tal i ugerapporten, og hvordan det er regnet ud.',
    'card.section.results': 'Resultater',
    'card.section.results.q': 'Hvordan ser vores resultater ud?',
    'card.section.flow': 'Flow',
    'card.section.flow.q': 'Hvordan ser flowet og aktiviteten ud?',
    'card.section.quality': 'Kvalitet',
    'card.section.quality.q': 'Bruger vi metoderne og redskaberne i praksis?',
    'card.progression_not_in_use': 'Progressionsmålinger er ikke taget i brug endnu.',
    'card.subscription':
      'Kanalen får ugerapporten hver {weekday} kl. {time} på dansk. Skriv "@Fremdrift abonnér på ugerapport på engelsk" for at få den på engelsk.',
    'card.plan_missing':
      'Kommunen har ikke sat plantal for visitation i {year}. En administrator sætter dem under "indstillinger".',
    'card.suppressed':
      'Tal under {k} vises som "< {k}", og tal, der ellers kunne regnes ud, som "–", så ingen borger kan genkendes.',
    'card.of': '{count} af {of}',
    'good.hours_up':
      '🎉 {count, plural, one {# borger har} other {# borgere har}} flere ordinære timer end ved forløbets start. Godt gået!',
    'good.reached_target_hours':
      '🎉 {count, plural, one {# borger arbejder} other {# borgere arbejder}} nu mindst {hours} ordinære timer om ugen. Godt gået!',
    'good.job_placements':
      '🎉 {count, plural, one {# borger er} other {# borgere er}} kommet i job eller ordinære timer de seneste 4 uger. Godt gået!',
    'good.placements_started':
      '🎉 {count, plural, one {# nyt virksomhedsforløb er} other {# nye virksomhedsforløb er}} startet de seneste 4 uger. Godt gået!',
    'good.job_conversations':
      '🎉 {count, plural, one {# jobsamtale er} other {# jobsamtaler er}} gennemført de seneste 4 uger. Tak for indsatsen!',
    'card.previous': 'forrige 4 uger: {value}',
    'good.m1_target': '🎉 Målet om {target} i virksomhedsforløb mv. er nået. Godt gået!',
    'good.thanks': 'Tak for ugens indsats – hver samtale og hvert forløb tæller.',
    'card.workload.title': 'Kun til dig: arbejdsbyrde pr. jobformidler',
    'card.workload.note': 'Personaledata om kolleger. Deles ikke i kanalen.',
    'card.workload.row':
      '{cases, plural, one {# sag} other {# sager}} · {overdue} overskredet · {talks, plural, one {# jobsamtale} other {# jobsamtaler}} i sidste uge',
    'card.workload.more': '… og {count, plural, one {# mere} other {# flere}}',
    'card.workload.company':
      '{company, plural, one {# virksomhedskontakt} other {# virksomhedskontakter}} de seneste 4 uger ({share} af kontakterne)',
    'card.workload.none': 'Ingen jobformidlere har borgere i gruppe 1 lige nu.',
  },
  en: {
    'cmd.subscribe.help': 'Give the channel the weekly digest (results, flow and quality)',
    'cmd.unsubscribe.help': 'Stop the weekly digest in the channel',
    'cmd.preview.help': 'See the weekly digest now, privately',
    'cmd.preview.quick': 'Show weekly digest',
    'subscribe.only_in_channel':
      'Write this in the channel that should get the digest, and mention me: "@Fremdrift subscribe to weekly digest".',
    'subscribe.no_installation':
      'I cannot find the team. Remove Fremdrift from the team, add it again, and try again. Nothing was saved.',
    'subscribe.done':
      'The channel now gets the weekly digest for {scope} every {weekday} at {time} (Danish time) in {language}. First time: {first}. {change}',
    'subscribe.change.da': 'Write "@Fremdrift subscribe to weekly digest in English" to get it in English.',
    'subscribe.change.en': 'Write "@Fremdrift subscribe to weekly digest in Danish" to get it in Danish.',
    'subscribe.bad_time': 'The time "{value}" does not exist. Write e.g. "at 8:00". Nothing was saved.',
    'subscribe.unknown_words':
      'I did not understand: "{words}". Example: "subscribe to weekly digest for the team on Monday at 8:00 in English". Nothing was saved.',
    'subscribe.no_team_members':
      'I cannot see the team\'s members right now, so I cannot make a digest for the team. Try again, or choose "for the municipality". Nothing was saved.',
    'unsubscribe.done':
      'The channel no longer gets the weekly digest. Write "@Fremdrift subscribe to weekly digest" to start again.',
    'unsubscribe.none': 'The channel is not subscribed to the weekly digest.',
    'preview.coming': 'I am making the weekly digest and will send it to you in a private chat in a moment.',
    'preview.failed': 'The weekly digest could not be made just now. Please try again shortly.',
    'admin.gone':
      'The weekly digest could not be delivered to a channel because Fremdrift no longer has access to it (removed from the team or channel). The subscription is stopped. Add Fremdrift again and write "@Fremdrift subscribe to weekly digest" in the channel to start it again.',
    'scope.municipality': 'the whole municipality',
    'scope.team': "the team's citizens",
    'language.da': 'Danish',
    'language.en': 'English',
    'weekday.1': 'Monday',
    'weekday.2': 'Tuesday',
    'weekday.3': 'Wednesday',
    'weekday.4': 'Thursday',
    'weekday.5': 'Friday',
    'weekday.6': 'Saturday',
    'weekday.7': 'Sunday',
    'card.title': 'Weekly digest · week {week}',
    'card.subtitle': '{scope} · figures up to and including {date}',
    'card.preview': 'Preview, for you only. The channel sees the same – without the workload at the bottom.',
    'card.target': 'Target: {target}',
    'card.change.up': '▲ {points} percentage points since last week',
    'card.change.down': '▼ {points} percentage points since last week',
    'card.change.same': 'Unchanged since last week',
    'card.change.none': 'No comparison with last week',
    'card.chart.title': 'Share in company-based activity, 12 weeks',
    'card.chart.series': 'Share',
    'card.chart.target': 'Target',
    'card.chart.week': 'Week',
    'card.chart.none': 'The trend is shown when there are enough figures.',
    'card.what': 'What does the figure mean? Tap a line with (?).',
    'card.what_command': 'What do the figures mean? Write "explain weekly digest" to Fremdrift.',
    'card.definitions.title': 'How to read the weekly digest',
    'card.definitions.intro': 'Every figure in the weekly digest, and how it is worked out.',
    'card.section.results': 'Results',
    'card.section.results.q': 'What do our results look like?',
    'card.section.flow': 'Flow',
    'card.section.flow.q': 'What do flow and activity look like?',
    'card.section.quality': 'Quality',
    'card.section.quality.q': 'Do we use the methods and tools in practice?',
    'card.progression_not_in_use': 'Progression measurements are not in use yet.',
    'card.subscription':
      'The channel gets this digest every {weekday} at {time} (Danish time) in English. Write "@Fremdrift subscribe to weekly digest in Danish" to get it in Danish.',
    'card.plan_missing':
      'The municipality has set no planned visitation numbers for {year}. An admin sets them under "settings".',
    'card.suppressed':
      'Figures below {k} are shown as "< {k}", and figures that could otherwise be worked out as "–", so no citizen can be recognised.',
    'card.of': '{count} of {of}',
    'good.hours_up':
      '🎉 {count, plural, one {# citizen has} other {# citizens have}} more ordinary hours than at the start of their placement. Well done!',
    'good.reached_target_hours':
      '🎉 {count, plural, one {# citizen now works} other {# citizens now work}} at least {hours} ordinary hours a week. Well done!',
    'good.job_placements':
      '🎉 {count, plural, one {# citizen} other {# citizens}} moved into a job or ordinary hours in the last 4 weeks. Well done!',
    'good.placements_started':
      '🎉 {count, plural, one {# new company-based placement} other {# new company-based placements}} started in the last 4 weeks. Well done!',
    'good.job_conversations':
      '🎉 {count, plural, one {# job conversation was} other {# job conversations were}} held in the last 4 weeks. Thank you!',
    'card.previous': 'previous 4 weeks: {value}',
    'good.m1_target': '🎉 The target of {target} in company-based activity is reached. Well done!',
    'good.thanks': "Thank you for this week's work – every conversation and every placement counts.",
    'card.workload.title': 'For you only: workload per jobformidler',
    'card.workload.note': 'Staff data about colleagues. Not shared in the channel.',
    'card.workload.row':
      '{cases, plural, one {# case} other {# cases}} · {overdue} overdue · {talks, plural, one {# job conversation} other {# job conversations}} last week',
    'card.workload.company':
      '{company, plural, one {# company contact} other {# company contacts}} in the last 4 weeks ({share} of all contacts)',
    'card.workload.more': '… and {count} more',
    'card.workload.none': 'No jobformidler has citizens in group 1 right now.',
  },
});

export type DigestKey = (typeof digestText.keys)[number];
