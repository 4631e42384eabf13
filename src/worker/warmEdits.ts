/**
 * Three short reports of one invented event, for `IndexService.warmEdits`: they
 * share a quote, a passage word for word, reworded claims, names and figures, so
 * that an edit of one of them runs every step an edit of a real corpus runs (quote
 * links, shared passages, claim links and groups, the first phase and the settle).
 * Written for this purpose; no real event or person.
 */
export const WARM_TEXTS: readonly { key: string; text: string }[] = [
  {
    key: 'source-lens-warm/a.txt',
    text: [
      'Floodwater forced about 340 families from their homes in Marrowby on Tuesday after the River Tell burst its banks, the county council said.',
      '"We have never seen the water rise this fast," said council leader Hanna Ostrow. "Our crews worked through the night to reach every street."',
      'The council opened two shelters at Marrowby High School and the Tell Valley sports hall. Volunteers from the Red Cross handed out blankets and hot meals.',
      'Forecasters at the Northern Weather Service expect another 40 millimetres of rain by Thursday. The river is not expected to fall before the weekend.',
      'Ostrow said the county would ask the government for emergency funds. "This town will need help to rebuild," she said.',
    ].join('\n\n'),
  },
  {
    key: 'source-lens-warm/b.txt',
    text: [
      'Hundreds of residents of Marrowby left their homes on Tuesday when the River Tell overflowed, officials said.',
      'The county council said about 340 families had been evacuated. "We have never seen the water rise this fast," council leader Hanna Ostrow told reporters.',
      'The council opened two shelters at Marrowby High School and the Tell Valley sports hall. Volunteers from the Red Cross handed out blankets and hot meals.',
      'The Northern Weather Service warned that 40 millimetres more rain could fall by Thursday.',
      'Ostrow did not say how much the repairs would cost.',
    ].join('\n\n'),
  },
  {
    key: 'source-lens-warm/c.txt',
    text: [
      'Marrowby, a market town on the River Tell, spent Tuesday night in shelters after the river flooded its lower streets.',
      'Council leader Hanna Ostrow said crews had worked through the night. "We have never seen the water rise this fast," she said.',
      'Some 340 families were evacuated, according to the county council, and the Red Cross sent volunteers with blankets and hot meals.',
      'Rain is forecast to continue until Thursday, the Northern Weather Service said.',
    ].join('\n\n'),
  },
];
