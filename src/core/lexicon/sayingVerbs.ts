/**
 * Verbs of saying that only frame what was said ("X said that …", "X noted …"), as
 * opposed to reporting verbs that are themselves the claim's predicate ("X denied …",
 * "X warned …"): claim matching leaves them, and the attribution before them, out.
 */
export const SAYING_VERBS: ReadonlySet<string> = new Set((
  'said says say saying told tells tell stated states announced announces noted notes added adds reported reports ' +
  'indicated indicates signaled signalled signals confirmed confirms tweeted wrote writes declared declares explained explains ' +
  'asserted asserts reiterated reiterates suggested suggests argued argues claimed claims replied replies'
).split(' '));
