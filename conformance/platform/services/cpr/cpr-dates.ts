/** Birth date encoded in a PNR (DDMMYY + the 7th digit's century rule of the CPR office). */
export function birthDateOfPnr(pnr: string): string {
  const dd = pnr.slice(0, 2);
  const mm = pnr.slice(2, 4);
  const yy = Number(pnr.slice(4, 6));
  const d7 = Number(pnr[6]);
  let century = 1900;
  if ((d7 === 4 || d7 === 9) && yy <= 36) century = 2000;
  else if (d7 >= 5 && d7 <= 8) century = yy <= 57 ? 2000 : 1800;
  return `${century + yy}-${mm}-${dd}`;
}

/** Whole years from `birth` (YYYY-MM-DD) to `on` (YYYY-MM-DD). */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
