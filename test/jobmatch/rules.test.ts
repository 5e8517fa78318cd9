import type { JobGoal } from '../../bot/domain/job-goals';
import {
  inArea,
  invalidAreaParts,
  isOpenOn,
  jobWords,
  matchOpening,
  parseArea,
  sameOccupation,
  wordsInCommon,
  type OpeningForMatch,
} from '../../bot/features/jobmatch/rules';
import { matchFacts } from '../../bot/domain/job-match';

const goal = (level: JobGoal['level'], title: string, status: JobGoal['status'] = 'ACTIVE'): JobGoal => ({
  level,
  title,
  actions: [],
  citizenOwned: true,
  status,
  lastReviewedAt: '2026-01-01',
});

const opening = (over: Partial<OpeningForMatch> = {}): OpeningForMatch => ({
  openingId: 'o1',
  title: 'Lagermedarbejder',
  occupationCode: '932100',
  hoursPerWeek: 25,
  company: { postcode: '8200', city: 'Aarhus N' },
  ...over,
});

describe('words in common', () => {
  it('drops filler and generic job words, so only what the job is about can match', () => {
    expect(jobWords('Medhjælper i køkken og kantine')).toEqual(['køkken', 'kantine']);
    expect(wordsInCommon('Servicemedarbejder', 'Lagermedarbejder')).toEqual([]);
    expect(wordsInCommon('Hjælper', 'Medhjælper')).toEqual([]);
  });

  it('finds the same word, or a shared stem of at least five letters, once', () => {
    expect(wordsInCommon('Lagermedarbejder', 'lagermedarbejder')).toEqual(['lagermedarbejder']);
    expect(wordsInCommon('Lager og logistik', 'Lagermedarbejder')).toEqual(['lager']);
    expect(wordsInCommon('Køkkenmedhjælper', 'Medhjælper i køkken')).toEqual(['køkken']);
    expect(wordsInCommon('Kontorassistent', 'Kontrolmedarbejder')).toEqual([]); // "kont" is too short
  });
});

describe('occupation code, area and period', () => {
  it('takes the same code or the same 4-digit DISCO-08 unit group', () => {
    expect(sameOccupation('9321', '932100')).toBe(true);
    expect(sameOccupation('932110', '932190')).toBe(true);
    expect(sameOccupation('9321', '9322')).toBe(false);
    expect(sameOccupation(undefined, '9321')).toBe(false);
  });

  it('reads postcodes, ranges and town names, and refuses numbers that are neither', () => {
    const area = parseArea('8000, 8200-8270; Aarhus, Skanderborg');
    expect(area).toEqual({ postcodes: ['8000'], ranges: [[8200, 8270]], places: ['aarhus', 'skanderborg'] });
    expect(inArea(area, { postcode: '8210', city: 'Aarhus V' })).toBe('8210 Aarhus V');
    expect(inArea(area, { postcode: '8660', city: 'Skanderborg' })).toBe('8660 Skanderborg');
    expect(inArea(area, { postcode: '7100', city: 'Vejle' })).toBeUndefined();
    expect(inArea(area, { city: 'Aarhusgade' })).toBeUndefined();
    expect(invalidAreaParts('8000, 8270-8200, 800, Aarhus 8')).toEqual(['8270-8200', '800', 'Aarhus 8']);
  });

  it('suggests an opening while it is open and not past its end date', () => {
    expect(isOpenOn({ status: 'OPEN' }, '2026-03-03')).toBe(true);
    expect(isOpenOn({ status: 'OPEN', untilDate: '2026-03-03' }, '2026-03-03')).toBe(true);
    expect(isOpenOn({ status: 'OPEN', untilDate: '2026-03-02' }, '2026-03-03')).toBe(false);
    expect(isOpenOn({ status: 'FILLED' }, '2026-03-03')).toBe(false);
  });
});

describe('matching a citizen to an opening', () => {
  it('needs the job itself to fit: hours and area alone are not a match', () => {
    expect(
      matchOpening(
        { goals: [goal('A', 'Kok')], profile: { occupationCodes: {}, startHours: 10, area: '8200' } },
        opening(),
      ),
    ).toBeUndefined();
  });

  it('gives every reason with its weight: code 3, words 2, hours 1, area 1', () => {
    const s = matchOpening(
      {
        goals: [goal('A', 'Lagermedarbejder')],
        profile: { occupationCodes: { A: '9321' }, startHours: 10, area: '8000-8270' },
      },
      opening(),
    );
    expect(s).toEqual({
      level: 'A',
      goalTitle: 'Lagermedarbejder',
      score: 7,
      reasons: [
        { rule: 'OCCUPATION', detail: '932100' },
        { rule: 'WORDS', detail: 'lagermedarbejder' },
        { rule: 'HOURS', detail: '10/25' },
        { rule: 'AREA', detail: '8200 Aarhus N' },
      ],
    });
  });

  it('leaves out the hours reason when the citizen would start with more hours than the job has', () => {
    const s = matchOpening(
      { goals: [goal('A', 'Lagermedarbejder')], profile: { occupationCodes: {}, startHours: 30 } },
      opening(),
    );
    expect(s?.reasons.map((r) => r.rule)).toEqual(['WORDS']);
  });

  it('takes the best fitting goal, and the A goal when two fit as well; dropped goals never', () => {
    const both = matchOpening(
      { goals: [goal('C', 'Lager og logistik'), goal('B', 'Lagerarbejde')], profile: undefined },
      opening({ title: 'Lager og transport', occupationCode: undefined }),
    );
    expect(both?.level).toBe('B'); // both share "lager" (score 2); B is preferred to C
    const coded = matchOpening(
      {
        goals: [goal('A', 'Lagerarbejde'), goal('C', 'Truckfører')],
        profile: { occupationCodes: { C: '9321' } },
      },
      opening({ title: 'Lagermedarbejder, truck' }),
    );
    expect(coded).toMatchObject({ level: 'C', score: 5 }); // C: code 3 + "truck" 2; A: "lager" 2
    expect(
      matchOpening({ goals: [goal('A', 'Lagermedarbejder', 'DROPPED')], profile: undefined }, opening()),
    ).toBeUndefined();
  });
});

describe('the facts projection of matches', () => {
  it('marks a taken match whose agreement started a placement, and not one still planned', () => {
    const facts = matchFacts(
      [
        { openingId: 'b', status: 'ACCEPTED', proposedOn: '2026-02-10', decidedOn: '2026-02-12', agreementId: 'm-b' },
        { openingId: 'a', status: 'ACCEPTED', proposedOn: '2026-02-01', decidedOn: '2026-02-02', agreementId: 'm-a' },
        { openingId: 'c', status: 'PROPOSED', proposedOn: '2026-02-20', agreementId: undefined },
      ],
      [
        { agreementId: 'm-a', status: 'ACTIVE', startDate: '2026-02-16' },
        { agreementId: 'm-b', status: 'PLANNED', startDate: '2026-03-01' },
        { agreementId: undefined, status: 'ACTIVE', startDate: '2026-01-01' },
      ],
    );
    expect(facts).toEqual([
      {
        openingId: 'a',
        status: 'ACCEPTED',
        proposedOn: '2026-02-01',
        decidedOn: '2026-02-02',
        placementStartedOn: '2026-02-16',
      },
      { openingId: 'b', status: 'ACCEPTED', proposedOn: '2026-02-10', decidedOn: '2026-02-12' },
      { openingId: 'c', status: 'PROPOSED', proposedOn: '2026-02-20' },
    ]);
  });
});
