/**
 * Capitals and seats of government that news reports name for their country ("Moscow offered …", "Washington
 * rejected …"), lower case, each with its country as the entity layer names it (lower case): claim matching reads a
 * claim's subject through it (claims/normalize.ts `actorKeys`).
 */
const PAIRS = [
  'moscow|kremlin|the kremlin => russia',
  'washington|white house|the white house|washington d.c.|united states of america|america => united states',
  'kyiv|kiev => ukraine',
  'beijing => china',
  'london|downing street => united kingdom',
  'paris|elysee => france',
  'berlin => germany',
  'tehran => iran',
  'pyongyang => north korea',
  'seoul => south korea',
  'tokyo => japan',
  'ankara => turkey',
  'brussels => european union',
  'jerusalem => israel',
  'damascus => syria',
  'baghdad => iraq',
  'kabul => afghanistan',
  'minsk => belarus',
  'warsaw => poland',
  'ottawa => canada',
  'new delhi => india',
  'islamabad => pakistan',
  'havana => cuba',
  'caracas => venezuela',
  'mexico city => mexico',
  'canberra => australia',
  'riyadh => saudi arabia',
  'cairo => egypt',
];

/** Seat (lower case) → its country (lower case). */
export const SEATS: ReadonlyMap<string, string> = new Map(PAIRS.flatMap(line => {
  const [seats, country] = line.split(' => ');
  return seats.split('|').map(s => [s, country] as [string, string]);
}));
