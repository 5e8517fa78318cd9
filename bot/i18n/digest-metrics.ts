import { defineCatalogue } from './catalogue';

/**
 * "Hvad betyder tallet?": the label of every figure in the digest and the definition of every metric
 * (domain-research §6), in plain words for a team meeting, with why the model cares (the seeds).
 * Keys: `<figure>` for labels, `<block>.what` for definitions, `item.<key>` for checklist items.
 */
export const digestMetricsText = defineCatalogue({
  da: {
    M1: 'af gruppe 1 i virksomhedsforløb mv. de seneste 3 måneder',
    M1_POINT: 'Lige nu (sidste dag i ugen)',
    M1_MATURE: 'Blandt borgere i gruppe 1 i mindst 30 dage',
    M2: 'Nye arbejdsaftaler med ordinære timer fra start',
    M2_HOURS: 'Ordinære timer ved start (gennemsnit)',
    M3: 'Fuldstændige arbejdsaftaler',
    M3_MISSING: 'Oftest mangler: {item}',
    M4: 'Aktive forløb med ordinære timer i sidste uge',
    M5: 'Borgere med flere ordinære timer end ved forløbets start',
    M5_DELTA: 'Ændring i ordinære timer pr. uge (median)',
    M5_WEEK_HOURS: 'Ordinære timer i alt i sidste uge',
    M6: 'Borgere med mindst {hours} ordinære timer om ugen, 4 uger i træk',
    M6_EVER: 'Mindst én uge med {hours} timer de seneste 3 måneder',
    M9: 'Dage fra visitation til første jobsamtale (median)',
    M9_WITHIN: 'Første jobsamtale inden for 14 dage',
    M9_WAITING: 'Venter over 14 dage på første jobsamtale',
    M10: 'Borgere med overskredet opfølgning',
    M10_SOON: 'Opfølgning snart',
    M11: 'Sager pr. jobformidler (median)',
    M11_ABOVE: 'Jobformidlere med over {high} sager',
    M11_BELOW: 'Jobformidlere med under {low} sager',
    M12: 'Gennemførte jobsamtaler i sidste uge',
    M12_4W: 'Gennemførte jobsamtaler de seneste 4 uger',
    M14_VISITS: 'Virksomhedsbesøg (4 uger)',
    M14_OPENINGS: 'Jobåbninger (4 uger)',
    M14_STARTED: 'Virksomhedsforløb startet (4 uger)',
    M14_JOBS: 'Heraf job eller ordinære timer',
    M14_AFTERCARE: 'Efterværnsbesøg (4 uger)',
    M14_MATCHES: 'Jobmatch foreslået (4 uger)',
    M14_MATCHES_TAKEN: 'Jobmatch taget af jobformidleren (4 uger)',
    M14_MATCHES_PLACED: 'Jobmatch, der blev til et forløb (4 uger)',
    M15: 'af alle kontakter var med virksomheder (4 uger)',
    M16: 'Screeninger (4 uger)',
    M16_IMPACT: 'Indikation med betydning for job',
    M16_VISITED: 'Visitationssamtale inden for 14 dage',
    M16_STARTED: 'I gruppe 1 og startet hos jobformidler',
    M18: 'Dage fra ansøgning til afgørelse (median)',
    M18_WITHIN: 'Afgjort inden for {days, plural, one {# dag} other {# dage}}',
    M18_DELIVERY: 'Dage fra bevilling til levering (median)',
    M18_OPEN: 'Åbne ansøgninger ældre end 10 dage',
    M19: 'Borgere med CV',
    M19_GOAL: 'Borgere med eget, konkret jobmål',
    M19_UPDATED: 'Jobmål gennemgået inden for 6 måneder',
    M22: 'Progressionsmåling inden for 3 måneder',
    M22_IMPROVED: 'Fremgang siden første måling',
    'M1.title': 'Virksomhedsforløb mv.',
    'M1.what':
      'Borgere i gruppe 1, der på mindst én dag i de seneste 13 uger var i virksomhedspraktik, løntilskud, ordinære timer, fleksjob, isbryder, job eller uddannelse. Ordinære timer tæller kun i uger med arbejdede timer. Målet er mindst {target} (Flere skal med). "Lige nu" ser kun på sidste dag; "mindst 30 dage" udelader nyvisiterede.',
    'M2.title': 'Ordinære timer fra start',
    'M2.what':
      'Arbejdsaftaler underskrevet (eller aftalt) de seneste 13 uger, hvor der er aftalt mindst én ordinær løntime fra første dag. Slutevalueringen af Flere skal med spørger, om arbejdsaftalen rummer "en klar aftale om ordinære timer fra starten af forløbet".',
    'M3.title': 'Fuldstændige arbejdsaftaler',
    'M3.what':
      'Aftaler fra de seneste 13 uger, hvor opgaver, arbejdstid, ordinære timer, plan for flere timer, delmål og opfølgning er aftalt. Mål: mindst 90 %.',
    'M4.title': 'Ordinære timer i forløb',
    'M4.what': 'Forløb, der var i gang sidste dag i ugen, og som havde arbejdede ordinære timer i den uge.',
    'M5.title': 'Progression i ordinære timer',
    'M5.what':
      'For forløb, der har kørt mindst 8 uger: gennemsnittet af de seneste 4 registrerede uger sammenlignet med de første 4. Timerne i alt tæller alle borgere med ordinære timer i ugen.',
    'M6.title': '{hours} ordinære timer',
    'M6.what':
      'Borgere i gruppe 1 med mindst {hours} ordinære timer i hver af deres seneste 4 registrerede uger – modellens mål for ordinære timer.',
    'M9.title': 'Fra visitation til jobsamtale',
    'M9.what':
      'For borgere visiteret til gruppe 1 de seneste 13 uger: dage fra visitationssamtalen til den første gennemførte jobsamtale. Borgeren skal opleve, at der sker noget. Mål: median højst 14 dage.',
    'M10.title': 'Opfølgning',
    'M10.what':
      'Borgere i gruppe 1, hvis seneste samtale er mere end {cadenceDays} dage gammel ({placementDays} dage under et forløb). "Snart" er over {warnDays} ({placementWarnDays}) dage. Mål: højst 10 %.',
    'M11.title': 'Sagsstamme',
    'M11.what':
      'Borgere i gruppe 1 pr. jobformidler. Modellen anbefaler {low}–{high} sager. Kanalen viser kun teamets tal; tal for den enkelte ses kun af lederen.',
    'M12.title': 'Jobsamtaler',
    'M12.what': 'Gennemførte jobsamtaler med borgerne i sidste uge og de seneste 4 uger.',
    'M14.title': 'Virksomhedsrettet aktivitet',
    'M14.what':
      'De seneste 4 uger og de 4 uger før: opsøgende virksomhedsbesøg og kold kanvas, jobåbninger skaffet, virksomhedsforløb startet – heraf job eller ordinære timer (formidlinger til job) – og efterværnsbesøg. Og jobmatch: foreslået af Fremdrift, taget af jobformidleren, og blevet til et forløb. Evalueringen af Flere skal med nævner "tilvejebringelse af jobåbninger og formidlinger til job".',
    'M15.title': 'Borger- og virksomhedsrettet',
    'M15.what':
      'Andelen af alle kontakter de seneste 4 uger, der var med virksomheder (besøg, kold kanvas, telefon, opfølgning og efterværn) – resten var samtaler og kontakter med borgerne. Modellen skal "gå på to ben"; kommunens mål er {bandLow}–{bandHigh}.',
    'M16.title': 'Screening og visitation',
    'M16.what':
      'Screeninger de seneste 4 uger; hvor mange der gav en indikation af vanskeligheder med betydning for job, og hvor mange af dem der kom hurtigt videre til visitation og jobformidler.',
    'M18.title': 'Kompenserende ordninger (HKO)',
    'M18.what':
      'Sagsbehandlingstid for ordninger afgjort (bevilget eller afslået) de seneste 180 dage. Fast track: bevilget og leveret inden for cirka en uge.',
    'M19.title': 'CV og jobmål',
    'M19.what':
      'Borgere i gruppe 1 med CV, med et konkret jobmål, som borgeren selv ejer, og med et jobmål gennemgået de seneste 6 måneder. Mål: mindst 60 %.',
    'M22.title': 'Progressionsmåling',
    'M22.what':
      'Borgere i gruppe 1 i mindst 30 dage med en progressionsmåling de seneste 92 dage, og hvor mange der har fremgang siden første måling (samme spørgeramme og version). Mål: mindst 80 % dækning.',
    M7: 'Afsluttet i job og selvforsørgende de seneste 3 måneder',
    M8: 'Borgere i gruppe 2 med indstilling eller afklaret videre',
    M13: 'Ad hoc-henvendelser i sidste uge',
    M13_4W: 'Ad hoc-henvendelser de seneste 4 uger',
    M17: 'af plantallet til dato',
    M17_G1: 'Gruppe 1 (plan til dato: {item})',
    M17_G2: 'Gruppe 2 (plan til dato: {item})',
    M17_G3: 'Gruppe 3 (plan til dato: {item})',
    M20: 'Borgere i gruppe 1 med samme jobformidler hele vejen',
    M23: 'Kompenserende ordninger overvejet',
    M23_GRANTED: 'Bevilgede ordninger de seneste 12 måneder',
    'M7.title': 'Afgang til selvforsørgelse',
    'M7.what':
      'Borgere i gruppe 1 de seneste 13 uger, hvis sag blev afsluttet i samme periode med årsagen "I job og selvforsørgende". Evalueringen: "Cirka 15 pct. af borgerne i indsatsgruppen har været i beskæftigelse samtidig med at de har været helt ude af kontanthjælpsforløbet". Tallet bygger på jobformidlerens afslutningsårsag; ydelsesdata fra fagsystemet er ikke med.',
    'M8.title': 'Gruppe 2 afklaret',
    'M8.what':
      'Borgere visiteret til gruppe 2 (rehabilitering) de seneste 12 måneder, som har fået rehabiliteringsteamets indstilling, eller hvis sag er afsluttet til ressourceforløb, fleksjob, førtidspension eller jobafklaringsforløb. Evalueringen: "næsten tre ud af fire borgere i rehabiliteringsgruppen (gruppe 2) [er] blevet afklaret videre".',
    'M13.title': 'Ad hoc-henvendelser',
    'M13.what':
      'Henvendelser fra borgerne uden for de planlagte samtaler (kontakttypen "ad hoc-henvendelse" i opfølgningsloggen), i sidste uge og de seneste 4 uger. Seed 000 nævner "afdækning af ad-hoc henvendelser" i produktionsstyringen. Om de blev besvaret samme dag, registreres ikke.',
    'M17.title': 'Visitation som planlagt',
    'M17.what':
      'Borgere visiteret i år (fra 1. januar til ugens start), hver borger én gang i gruppen for den første beslutning, mod kommunens plantal for året omregnet til i dag. Mål: mindst 100 % (Flere skal med: "at kommunen fik visiteret borgerne som planlagt"). Plantallene sættes under indstillinger.',
    'M20.title': 'Kontinuitet hos jobformidleren',
    'M20.what':
      'Borgere i gruppe 1 på ugens sidste dag, som har haft én og samme personlige jobformidler siden visitationen til gruppe 1. Evalueringen: "oplever kontinuitet i samarbejdet med den personlige jobformidler". Mål: mindst 85 %.',
    'M23.title': 'Kompenserende ordninger ved positiv screening',
    'M23.what':
      'Borgere, hvis screening viste en funktionsnedsættelse med betydning for job, og som er i et virksomhedsforløb: hvor mange der har drøftet behovet for kompenserende ordninger i arbejdsaftalen eller har en ansøgning. Og hvor mange ordninger der er bevilget det seneste år. Evalueringen: "Samlet set er der anvendt handicapkompenserende ordninger otte gange".',
    'item.TASKS': 'opgaver',
    'item.WORKING_HOURS': 'arbejdstid',
    'item.ORDINARY_HOURS_FROM_START': 'ordinære timer fra start',
    'item.ORDINARY_HOURS_PLAN': 'plan for flere ordinære timer',
    'item.MILESTONES': 'delmål',
    'item.FOLLOW_UP_PLAN': 'opfølgningsplan',
  },
  en: {
    M1: 'of group 1 in company-based activity over the last 3 months',
    M1_POINT: 'Right now (last day of the week)',
    M1_MATURE: 'Among citizens in group 1 for at least 30 days',
    M2: 'New work agreements with ordinary hours from the start',
    M2_HOURS: 'Ordinary hours at the start (average)',
    M3: 'Complete work agreements',
    M3_MISSING: 'Most often missing: {item}',
    M4: 'Active placements with ordinary hours last week',
    M5: 'Citizens with more ordinary hours than at the start of their placement',
    M5_DELTA: 'Change in ordinary hours per week (median)',
    M5_WEEK_HOURS: 'Ordinary hours in total last week',
    M6: 'Citizens with at least {hours} ordinary hours a week, 4 weeks running',
    M6_EVER: 'At least one week of {hours} hours in the last 3 months',
    M9: 'Days from visitation to first job conversation (median)',
    M9_WITHIN: 'First job conversation within 14 days',
    M9_WAITING: 'Waiting over 14 days for a first job conversation',
    M10: 'Citizens with an overdue follow-up',
    M10_SOON: 'Follow-up due soon',
    M11: 'Cases per jobformidler (median)',
    M11_ABOVE: 'Jobformidlere with more than {high} cases',
    M11_BELOW: 'Jobformidlere with fewer than {low} cases',
    M12: 'Job conversations held last week',
    M12_4W: 'Job conversations held in the last 4 weeks',
    M14_VISITS: 'Company visits (4 weeks)',
    M14_OPENINGS: 'Job openings (4 weeks)',
    M14_STARTED: 'Company-based placements started (4 weeks)',
    M14_JOBS: 'Of which jobs or ordinary hours',
    M14_AFTERCARE: 'Aftercare visits (4 weeks)',
    M14_MATCHES: 'Job matches suggested (4 weeks)',
    M14_MATCHES_TAKEN: 'Job matches taken by the jobformidler (4 weeks)',
    M14_MATCHES_PLACED: 'Job matches that became a placement (4 weeks)',
    M15: 'of all contacts were with companies (4 weeks)',
    M16: 'Screenings (4 weeks)',
    M16_IMPACT: 'Indication that matters for work',
    M16_VISITED: 'Visitation conversation within 14 days',
    M16_STARTED: 'In group 1 and started with a jobformidler',
    M18: 'Days from application to decision (median)',
    M18_WITHIN: 'Decided within {days, plural, one {# day} other {# days}}',
    M18_DELIVERY: 'Days from grant to delivery (median)',
    M18_OPEN: 'Open applications older than 10 days',
    M19: 'Citizens with a CV',
    M19_GOAL: 'Citizens with their own concrete job goal',
    M19_UPDATED: 'Job goal reviewed within 6 months',
    M22: 'Progression measured within 3 months',
    M22_IMPROVED: 'Progress since the first measurement',
    'M1.title': 'Company-based activity',
    'M1.what':
      'Citizens in group 1 who on at least one day of the last 13 weeks were in a company internship, wage subsidy, ordinary paid hours, flexjob, icebreaker job, a job or education. Ordinary hours count only in weeks with hours worked. The target is at least {target} (Flere skal med). "Right now" looks at the last day only; "at least 30 days" leaves out the newly visited.',
    'M2.title': 'Ordinary hours from the start',
    'M2.what':
      'Work agreements signed (or agreed) in the last 13 weeks with at least one ordinary paid hour from day one. The final evaluation of Flere skal med asks whether the work agreement holds "a clear agreement on ordinary hours from the start of the placement".',
    'M3.title': 'Complete work agreements',
    'M3.what':
      'Agreements of the last 13 weeks where tasks, working hours, ordinary hours, the plan for more hours, milestones and follow-up are agreed. Target: at least 90%.',
    'M4.title': 'Ordinary hours in placements',
    'M4.what': 'Placements running on the last day of the week that had ordinary hours worked that week.',
    'M5.title': 'Progress in ordinary hours',
    'M5.what':
      'For placements running at least 8 weeks: the average of the latest 4 registered weeks compared with the first 4. The total counts every citizen with ordinary hours that week.',
    'M6.title': '{hours} ordinary hours',
    'M6.what':
      "Citizens in group 1 with at least {hours} ordinary hours in each of their latest 4 registered weeks – the model's goal for ordinary hours.",
    'M9.title': 'From visitation to job conversation',
    'M9.what':
      'For citizens visited to group 1 in the last 13 weeks: days from the visitation conversation to the first job conversation held. Citizens should feel that something happens. Target: median at most 14 days.',
    'M10.title': 'Follow-up',
    'M10.what':
      'Citizens in group 1 whose latest conversation is more than {cadenceDays} days old ({placementDays} days during a placement). "Soon" is over {warnDays} ({placementWarnDays}) days. Target: at most 10%.',
    'M11.title': 'Caseload',
    'M11.what':
      "Citizens in group 1 per jobformidler. The model recommends {low}–{high} cases. The channel shows the team's figures only; individual figures are seen by the leader only.",
    'M12.title': 'Job conversations',
    'M12.what': 'Job conversations held with citizens last week and in the last 4 weeks.',
    'M14.title': 'Company-facing activity',
    'M14.what':
      'The last 4 weeks and the 4 weeks before: outreach company visits and cold canvassing, job openings obtained, company-based placements started – of which jobs or ordinary hours – and aftercare visits. And job matches: suggested by Fremdrift, taken by the jobformidler, and turned into a placement. The evaluation of Flere skal med names "obtaining job openings and placements into jobs".',
    'M15.title': 'Citizen- and company-directed',
    'M15.what':
      'The share of all contacts in the last 4 weeks that were with companies (visits, cold canvassing, phone, follow-up and aftercare) – the rest were conversations and contacts with citizens. The model "walks on two legs"; the municipality aims for {bandLow}–{bandHigh}.',
    'M16.title': 'Screening and visitation',
    'M16.what':
      'Screenings in the last 4 weeks; how many gave an indication of difficulties that matter for work, and how many of those moved on quickly to visitation and a jobformidler.',
    'M18.title': 'Compensation schemes (HKO)',
    'M18.what':
      'Processing time of compensation schemes decided (granted or rejected) in the last 180 days. Fast track: granted and delivered within about a week.',
    'M19.title': 'CV and job goal',
    'M19.what':
      'Citizens in group 1 with a CV, with a concrete job goal the citizen owns, and with a job goal reviewed in the last 6 months. Target: at least 60%.',
    'M22.title': 'Progression measurement',
    'M22.what':
      'Citizens in group 1 for at least 30 days with a progression measurement in the last 92 days, and how many progressed since their first measurement (same question set and version). Target: at least 80% coverage.',
    M7: 'Closed in a job and self-supporting in the last 3 months',
    M8: 'Citizens in group 2 with a recommendation or clarified onward',
    M13: 'Ad hoc enquiries last week',
    M13_4W: 'Ad hoc enquiries in the last 4 weeks',
    M17: 'of the plan to date',
    M17_G1: 'Group 1 (plan to date: {item})',
    M17_G2: 'Group 2 (plan to date: {item})',
    M17_G3: 'Group 3 (plan to date: {item})',
    M20: 'Citizens in group 1 with the same jobformidler all along',
    M23: 'Compensation schemes considered',
    M23_GRANTED: 'Schemes granted in the last 12 months',
    'M7.title': 'Exit to self-support',
    'M7.what':
      'Citizens in group 1 in the last 13 weeks whose case was closed in the same period with the reason "in a job and self-supporting". The evaluation: "about 15 per cent of the citizens in the intervention group have been employed while entirely off cash benefits". The figure rests on the closure reason the jobformidler chooses; benefit data from the case system is not included.',
    'M8.title': 'Group 2 clarified',
    'M8.what':
      'Citizens visited to group 2 (rehabilitation) in the last 12 months who have the rehabilitation team\'s recommendation, or whose case was closed to a resource course, flex job, disability pension or job clarification course. The evaluation: "almost three in four citizens in the rehabilitation group (group 2) were clarified onward".',
    'M13.title': 'Ad hoc enquiries',
    'M13.what':
      'Enquiries from citizens outside the planned conversations (contact type "ad hoc enquiry" in the follow-up log), last week and in the last 4 weeks. Seed 000 names "mapping ad hoc enquiries" in production steering. Whether they were answered the same day is not recorded.',
    'M17.title': 'Visitation as planned',
    'M17.what':
      'Citizens visited this year (from 1 January to the start of the week), each citizen once in the group of the first decision, against the municipality\'s planned numbers for the year pro rata to today. Target: at least 100% (Flere skal med: "that the municipality visited the citizens as planned"). The planned numbers are set under settings.',
    'M20.title': 'Continuity with the jobformidler',
    'M20.what':
      'Citizens in group 1 on the last day of the week who have had one and the same personal jobformidler since their visitation to group 1. The evaluation: "experience continuity in the cooperation with the personal jobformidler". Target: at least 85%.',
    'M23.title': 'Compensation schemes after a positive screening',
    'M23.what':
      'Citizens whose screening showed an impairment that matters for work and who are in a company-based placement: how many have discussed the need for compensation schemes in the work agreement or have an application. Also how many schemes were granted in the last year. The evaluation: "in total, disability-compensating schemes were used eight times".',
    'item.TASKS': 'tasks',
    'item.WORKING_HOURS': 'working hours',
    'item.ORDINARY_HOURS_FROM_START': 'ordinary hours from the start',
    'item.ORDINARY_HOURS_PLAN': 'plan for more ordinary hours',
    'item.MILESTONES': 'milestones',
    'item.FOLLOW_UP_PLAN': 'follow-up plan',
  },
});

export type DigestMetricsKey = (typeof digestMetricsText.keys)[number];
