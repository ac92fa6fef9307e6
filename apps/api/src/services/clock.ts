// Building an Intl.DateTimeFormat costs far more than formatting with one (it showed in the CPU
// profile of the save path, docs/benchmarks.md), so each time zone's formatter is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Today's calendar date (YYYY-MM-DD) in the study's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return formatterFor(timeZone).format(now);
}
