// How incidents look: a colour class per ACLED event type and a size class per fatality count.
// Classes come from these fixed tables, never from the data itself.

export const TYPES = [
  ["Battles", "t-battles"],
  ["Explosions/Remote violence", "t-explosions"],
  ["Violence against civilians", "t-vac"],
  ["Protests", "t-protests"],
  ["Riots", "t-riots"],
  ["Strategic developments", "t-strategic"],
];
const TYPE_CLASS = new Map(TYPES);

export function typeClass(eventType) {
  return TYPE_CLASS.get(eventType) || "t-other";
}

// Marker diameters in px by fatalities (ACLED's conservative count): unknown/0, 1-4, 5-19, 20-99, 100+.
// The steps follow the usual spread of a conflict's daily events: most have no or few deaths.
const SIZES = [
  [100, 30, "s4"],
  [20, 24, "s3"],
  [5, 19, "s2"],
  [1, 15, "s1"],
];

export function sizeOf(fatalities) {
  for (const [min, px, cls] of SIZES) if (fatalities !== null && fatalities >= min) return [px, cls];
  return [11, "s0"];
}

const GRADE_CLASS = new Map([
  ["single source", "g-single"],
  ["claimed by a party to the conflict", "g-claimed"],
  ["two or more independent outlets", "g-independent"],
  ["contested", "g-contested"],
]);

export function gradeClass(grade) {
  return GRADE_CLASS.get(grade) || "g-other";
}
