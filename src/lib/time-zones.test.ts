import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The process's own time zone is fixed at start-up, so other zones run in child processes: a calendar day must
// format, convert and round-trip the same in Los Angeles, Tokyo, Kiritimati (UTC+14) and Baker Island (UTC-12).
const script = `
  const { formatDay, dayNumber, isoFromNumber, localDateOfNumber, fractionalDayOfLocal, formatDayTime } = await import(${JSON.stringify(
    fileURLToPath(new URL('./calendar-date.ts', import.meta.url)),
  )});
  const { formatInterval } = await import(${JSON.stringify(fileURLToPath(new URL('./format-interval.ts', import.meta.url)))});
  const n = dayNumber('2021-11-20');
  const noon = localDateOfNumber(n, 12);
  console.log(JSON.stringify([
    formatDay('2021-11-20'),
    formatDay('2021-03-28'),
    formatInterval({ start: '2021-04-01', end: '2021-04-30', precision: 'month', approximate: false }),
    formatInterval({ start: '2021-11-15', end: '2021-11-21', precision: 'week', approximate: false }),
    isoFromNumber(n),
    [noon.getFullYear(), noon.getMonth() + 1, noon.getDate()],
    formatDayTime(fractionalDayOfLocal(localDateOfNumber(n))),
  ]));
`;

const expected = ['20 Nov 2021', '28 Mar 2021', 'April 2021', 'week of 15 Nov 2021', '2021-11-20', [2021, 11, 20], '2021-11-20'];

test.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Europe/London'])(
  'a day reads the same day in %s',
  (tz) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(expected);
  },
  20_000,
);
