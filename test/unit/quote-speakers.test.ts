/**
 * Speakers on the error kinds seen on unseen news: each case is a text written for
 * the rule (never a corpus sentence), the quote by its first words, and the speaker,
 * speaker type and attribution step expected.
 */
import * as assert from 'node:assert/strict';
import { findQuotes } from '../../src/core/quotes/quotes';
import { AnalysisContext } from '../../src/core/text/memo';
import { paragraphs } from '../../src/core/text/paragraphs';
import { sentences } from '../../src/core/text/sentences';

function quoteOf(text: string, start: string) {
  const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), []);
  const q = quotes.find(x => x.text.startsWith(start));
  assert.ok(q, `no quote starting ${JSON.stringify(start)}`);
  return q;
}

/** A case whose quote is three words or fewer inside its sentence (not after a colon, comma or dash). */
function isScareQuoteCase(c: Case): boolean {
  const at = c.text.indexOf(c.quote);
  const end = c.text.indexOf('”', at + 1);
  const words = c.text.slice(at + 1, end).split(/\s+/).filter(Boolean).length;
  return at > 0 && end > at && words <= 3 && !/[:,—–-]\s*$/.test(c.text.slice(0, at)) && !/[.!?]\s*$/.test(c.text.slice(0, at));
}

interface Case { kind: string; rule: string; text: string; quote: string; speaker: string | null; type?: string; step?: string }

const CASES: Case[] = [
  // A group or a document as the source.
  { kind: 'group as source', rule: 'a plural subject is a GROUP',
    text: 'The striking nurses chanted “Safe staffing saves lives” outside the hospital.', quote: '“Safe', speaker: 'the striking nurses', type: 'GROUP', step: 'cue-before' },
  { kind: 'group as source', rule: 'a quantity of a group',
    text: 'Most of those surveyed said the economy was “getting worse.”', quote: '“getting', speaker: 'most of those surveyed', type: 'GROUP' },
  { kind: 'group as source', rule: 'a percentage of a group',
    text: 'Only 40 percent of the tenants said the repairs were “good enough.”', quote: '“good', speaker: 'only 40 percent of the tenants', type: 'GROUP' },
  { kind: 'group as source', rule: 'a crowd chanting: the head before its modifier, not the person chanted about',
    text: 'Protesters outside the hall chanted “Lock him up” as Governor Tom Baxter arrived.', quote: '“Lock', speaker: 'Protesters outside the hall', type: 'GROUP' },
  { kind: 'group as source', rule: 'a bare plural of people',
    text: 'At the gate, picketers shouted “No contract, no coal” at the trucks.', quote: '“No contract', speaker: 'picketers', type: 'GROUP' },
  { kind: 'document as source', rule: 'a document head is an ORG',
    text: 'A leaked memo described the merger as “a slow-motion collapse.”', quote: '“a slow', speaker: 'a leaked memo', type: 'ORG' },
  { kind: 'document as source', rule: 'a document owned by a named person',
    text: 'Carla Mendes’s petition said the zoning vote was “rushed and unlawful.”', quote: '“rushed', speaker: 'Carla Mendes’s petition', type: 'ORG' },
  // Descriptions and noun phrases.
  { kind: 'description kept / noun phrase taken for speaker', rule: 'a person’s agent speaks, not the person',
    text: 'Jane Roe’s lawyer said the charges were “baseless.”', quote: '“baseless', speaker: 'Jane Roe’s lawyer', type: 'DESCRIPTION' },
  { kind: 'noun phrase taken for speaker', rule: 'a place after "of" modifies the subject',
    text: 'The mayor of Dayton said the budget was “balanced at last.”', quote: '“balanced', speaker: 'the mayor of Dayton', type: 'DESCRIPTION' },
  { kind: 'noun phrase taken for speaker', rule: 'a spokesman for an organisation',
    text: 'A spokesman for the port authority said the terminal was “closed until March.”', quote: '“closed', speaker: 'a spokesman for the port authority', type: 'DESCRIPTION' },
  // The quote's own sentence: structure over proximity.
  { kind: 'wrong person (proximity over structure)', rule: 'a participle right before the quote takes the main clause’s subject',
    text: 'Ben Ortiz scolded the contractor who said the delay was unavoidable, telling reporters, “Excuses do not fix bridges.”', quote: '“Excuses', speaker: 'Ben Ortiz', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a participle after an earlier quote of the sentence',
    text: '“We are closing early,” Dana Whitfield told the staff before adding, “Nobody goes home late.”', quote: '“Nobody', speaker: 'Dana Whitfield', type: 'PERSON' },
  { kind: 'wrong person (most salient name)', rule: 'a relative clause closing the attribution does not change the voice',
    text: '“The roads are closed,” Mayor Tom Baxter said on Monday at the press conference in Dayton, where Governor Ann Lee also spoke. “Stay home.”', quote: '“Stay', speaker: 'Tom Baxter', step: 'continuation' },
  // Documents and groups credited by the surrounding words.
  { kind: 'group as source', rule: '"according to" at the end of the sentence',
    text: 'More than 3,000 workers joined a nationwide “sick-out” on Friday, according to the union.', quote: '“sick-out', speaker: 'the union', type: 'ORG', step: 'cue-later' },
  { kind: 'document as source', rule: '"as a memo put it"',
    text: 'The docks are “in urgent need of repair,” as a city memo put it.', quote: '“in urgent', speaker: 'a city memo', type: 'ORG', step: 'cue-later' },
  { kind: 'description as source', rule: '"as one analyst put it" before the quote',
    text: 'As one analyst put it, “the bank has run out of road.”', quote: '“the bank', speaker: 'one analyst', type: 'DESCRIPTION', step: 'cue-before' },
  { kind: 'document as source', rule: 'a post that "read"',
    text: '“We will appeal the ruling,” the post read.', quote: '“We will', speaker: 'the post', type: 'ORG', step: 'cue-after' },
  // Headline-style labels: a transcript quoted whole.
  { kind: 'headline-style label', rule: 'a transcript quoted whole goes to the label whose turns hold most of it',
    text: 'Partial transcript as follows:\n\n"HOST: Will you run again?\n\n"MORALES: I have said many times that my family comes first, and that the people of this county deserve a full-time mayor who is not distracted by a campaign.\n\n"HOST: Thank you, Mayor."',
    quote: '"HOST', speaker: 'Morales', type: 'PERSON', step: 'label-inside' },
  // Structure over salience: quotes listed together, a quote inside an opening clause.
  { kind: 'wrong person (proximity over structure)', rule: 'quotes listed with "and" share a speaker',
    text: 'Governor Ellen Park called the proposal “reckless” and “cruel,” before leaving the stage.', quote: '“cruel', speaker: 'Ellen Park', step: 'coordinated' },
  { kind: 'wrong person (proximity over structure)', rule: 'a quote inside a sentence-opening clause belongs to its subject, not to the later cue',
    text: 'As Tom Reyes went on about “the forgotten towns” and “the lost jobs,” Ana Diaz said yes, again and again.', quote: '“the forgotten', speaker: 'Tom Reyes', step: 'cue-later' },
  { kind: 'wrong person (proximity over structure)', rule: 'a list of quotes in an opening clause keeps its subject',
    text: 'As Tom Reyes went on about “the forgotten towns” and “the lost jobs,” Ana Diaz said yes, again and again.', quote: '“the lost', speaker: 'Tom Reyes', step: 'coordinated' },
  { kind: 'wrong person (proximity over structure)', rule: 'a cue after a quote with no opening clause still decides',
    text: 'Asked about “the lost jobs,” Ana Diaz said the plant would reopen.', quote: '“the lost', speaker: 'Ana Diaz' },
  // Groups and documents as speakers.
  { kind: 'group as source', rule: 'sung words are quoted by the singers',
    text: '“Stand by me,” the choir sang as the doors opened.', quote: '“Stand', speaker: 'the choir', type: 'GROUP', step: 'cue-after' },
  { kind: 'document as source', rule: 'a ruling credits its maker',
    text: 'PolitiCheck ruled the senator’s claim “mostly false.”', quote: '“mostly', speaker: 'PolitiCheck', step: 'cue-before' },
  { kind: 'group as source', rule: 'an owner’s campaign opening the clause is its subject, not a name later in it',
    text: 'Dana Cole’s campaign is trying to contrast her record with what it calls Sam Ortiz’s “empty promises.”', quote: '“empty', speaker: 'Dana Cole’s campaign', type: 'ORG', step: 'clause-subject' },
  { kind: 'document as source', rule: 'an owner’s letter opening the clause is its subject, not the name in its content clause',
    text: 'Mayor Lin’s earlier letter on the budget was mocked for its forecast that Governor Hale would be “the last to know.”', quote: '“the last', speaker: 'Mayor Lin’s earlier letter', type: 'ORG', step: 'clause-subject' },
  { kind: 'document as source', rule: 'an owner’s name before a person’s title is no document',
    text: 'Dana Cole’s campaign manager, Rob Tate, said the rally was “packed.”', quote: '“packed', speaker: 'Rob Tate' },
  { kind: 'headline-style label', rule: 'a titled name and its topic before the colon',
    text: 'Senate Minority Leader Dan Holt on the budget deal: “A disgrace.”', quote: '“A disgrace', speaker: 'Dan Holt', type: 'PERSON', step: 'headline-label' },
  { kind: 'noun phrase taken for speaker', rule: 'a headline’s verb is not part of the label’s name',
    text: 'Former Gov. Ann Lee Slams Budget: ‘A Disgrace’', quote: '‘A Disgrace', speaker: 'Ann Lee', type: 'PERSON', step: 'headline-verb' },
  { kind: 'appositive after a description', rule: 'the name after a possessive plural’s organisation',
    text: '“We are not going to negotiate in public,” said a spokeswoman for the teachers’ union, Maria Lopez.', quote: '“We are', speaker: 'Maria Lopez', type: 'PERSON', step: 'cue-after' },
  { kind: 'appositive after a description', rule: 'role words and a title before the appositive name',
    text: '“The numbers do not add up,” said one of the plan’s critics, state Sen. Roy Barnes of Macon.', quote: '“The numbers', speaker: 'Roy Barnes', type: 'PERSON' },
  { kind: 'appositive after a description', rule: 'a titled appositive between the description and its cue',
    text: 'A critic of the plan, state Sen. Roy Barnes, said the numbers were “fantasy.”', quote: '“fantasy', speaker: 'Roy Barnes', type: 'PERSON', step: 'cue-before' },
  { kind: 'appositive after a description', rule: 'a place after the comma is not a name',
    text: '“It is closed,” said a spokesman for the port authority, Dayton.', quote: '“It is', speaker: 'a spokesman for the port authority', type: 'DESCRIPTION' },
  { kind: 'wrong person (most salient name)', rule: 'a quote standing alone still takes the voice before',
    text: '“We will not back down,” said Mayor Tom Baxter.\n\n“Not this year, not ever.”', quote: '“Not this', speaker: 'Tom Baxter', step: 'same-voice' },
  { kind: 'appositive after a description', rule: 'a name and its parenthesis between the commas',
    text: 'The mayor’s running mate, Sen. Carla Ostrowski (Ohio), said the ticket was “ready.”', quote: '“ready', speaker: 'Carla Ostrowski', type: 'PERSON', step: 'cue-before' },
  { kind: 'no speaker (long role before the cue)', rule: 'an irregular verb after a full name, then a participle far from the quote',
    text: 'Sen. John Mercer of Ohio withdrew his endorsement, saying the mayor’s conduct made it “impossible” to back him.', quote: '“impossible', speaker: 'John Mercer', type: 'PERSON' },
  { kind: 'noun phrase taken for speaker', rule: 'a name before a noun of people is no subject',
    text: 'Many John Mercer voters still see the count as “rigged.”', quote: '“rigged', speaker: 'John Mercer voters', type: 'GROUP', step: 'clause-subject' },
  { kind: 'no speaker (pronoun)', rule: 'a contracted pronoun as the subject of a progressive cue',
    text: 'Senator Ruth Adler spoke for an hour. She’s claiming that the count was “rigged from the start.”', quote: '“rigged', speaker: 'Ruth Adler', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a pronoun right before a participle of another clause is not its subject',
    text: 'Senator Ruth Adler played footage of him saying the count was “rigged from the start.”', quote: '“rigged', speaker: 'Ruth Adler', type: 'PERSON' },
  { kind: 'wrong person (proximity over structure)', rule: 'a passive cue credits its agent after the quote',
    text: 'Ann Lee, who was called “a fraud” by Bill Carter, said she would sue.', quote: '“a fraud', speaker: 'Bill Carter', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a passive cue credits its agent before the quote',
    text: 'Residents were told by a spokesman for the utility that the water was “safe to drink.”', quote: '“safe', speaker: 'a spokesman', type: 'DESCRIPTION', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a cue after a quote closing a relative appositive takes the name before it',
    text: 'Governor Ann Lee, whom Bill Carter once called “a rising star,” said the deal was “a disaster.”', quote: '“a disaster', speaker: 'Ann Lee', type: 'PERSON' },
  { kind: 'wrong person (proximity over structure)', rule: 'the appositive’s own quote keeps its cue',
    text: 'Governor Ann Lee, whom Bill Carter once called “a rising star,” said the deal was “a disaster.”', quote: '“a rising', speaker: 'Bill Carter', type: 'PERSON', step: 'cue-before' },
  { kind: 'noun phrase taken for speaker', rule: 'a noun phrase followed by its verb after a cue is no inverted speaker',
    text: 'Bill Carter, the former mayor whose campaign Ann Lee once described as “doomed,” said the deal was “fine.”', quote: '“fine', speaker: 'Bill Carter', type: 'PERSON' },
  { kind: 'no speaker (description as subject)', rule: 'a role opening the clause, with no cue',
    text: 'A Carter spokeswoman dismissed the report as “garbage.”', quote: '“garbage', speaker: 'a Carter spokeswoman', type: 'DESCRIPTION', step: 'clause-subject' },
  { kind: 'noun phrase taken for speaker', rule: 'a role word used as an adjective is no subject',
    text: 'The official results showed Lee with a “comfortable” lead.', quote: '“comfortable', speaker: null },
  { kind: 'noun phrase taken for speaker', rule: 'a verb ends a document subject’s search',
    text: 'The spokesman dismissed the report as “garbage.”', quote: '“garbage', speaker: 'the spokesman', type: 'DESCRIPTION', step: 'clause-subject' },
  { kind: 'no speaker', rule: '"in the words of" a name',
    text: 'In the words of Ann Lee, the deal is “a total disaster.”', quote: '“a total', speaker: 'Ann Lee', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (most salient name)', rule: 'the main clause’s subject, not the opening clause’s',
    text: 'When Bill Carter was asked about the deal, Senator Ann Lee interrupted: “It is dead.”', quote: '“It is', speaker: 'Ann Lee', type: 'PERSON', step: 'clause-subject' },
  { kind: 'wrong person (proximity over structure)', rule: '", who has said": the relative clause’s antecedent speaks',
    text: 'Senator Ann Lee pushed back against Governor Bill Carter, who has said the deal is “dead.”', quote: '“dead', speaker: 'Bill Carter', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a comment clause "As X put it" keeps its cue',
    text: 'As Ann Lee, a tax lawyer in Dayton, recently put it, “Who pays?”', quote: '“Who pays', speaker: 'Ann Lee', type: 'PERSON' },
  { kind: 'wrong person (proximity over structure)', rule: 'a temporal "as" clause’s cue is not the main clause’s quote’s',
    text: 'As Governor Bill Carter spoke on Monday, the marchers chanted “Not one more.”', quote: '“Not one', speaker: 'the marchers', type: 'GROUP', step: 'cue-before' },
  { kind: 'noun phrase taken for speaker', rule: 'a role such as "rival" before a name is no part of it',
    text: 'Rival Ann Lee said the plan was “a fantasy.”', quote: '“a fantasy', speaker: 'Ann Lee', type: 'PERSON', step: 'cue-before' },
  // Appositives and role-then-name: the name a few words on wins over the description.
  { kind: 'no speaker (appositive after a description)', rule: 'a name after the description and its modifier',
    text: '“We will not reopen the terminal before March,” said a spokesman for the port authority, Jane Roe.', quote: '“We will not', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  { kind: 'description kept where the text names the person', rule: 'a role, then the name',
    text: '“We expect a long strike,” said the union’s chief negotiator Tom Reyes.', quote: '“We expect', speaker: 'Tom Reyes', type: 'PERSON' },
  { kind: 'noun phrase cut short', rule: 'the modifier closing the clause stays with the description',
    text: 'Rents rose “faster than wages,” said a spokeswoman for the housing board.', quote: '“faster', speaker: 'a spokeswoman for the housing board', type: 'DESCRIPTION' },
  { kind: 'document as source', rule: 'a document and its author',
    text: 'The new rules are “a gift to landlords,” according to a complaint filed by the Tenants Union.', quote: '“a gift', speaker: 'Tenants Union complaint', type: 'ORG' },
  { kind: 'document as source', rule: 'a speech credited to the person who gave it',
    text: 'The plan would “end the waiting lists,” according to a speech Mayor Tom Baxter gave in June.', quote: '“end the', speaker: 'Tom Baxter', type: 'PERSON' },
  // The document: a role resolved to the name it was introduced with.
  { kind: 'description kept where the text names the person', rule: '"the minister" is the person titled so earlier',
    text: 'Minister Paul Okafor opened the session on Monday. Later the minister told parliament that the budget was “fully funded.”', quote: '“fully', speaker: 'Paul Okafor', type: 'PERSON', step: 'cue-before' },
  { kind: 'description kept where the text names the person', rule: 'a role from an appositive, resolved in a later paragraph',
    text: '“We are reviewing the footage,” said Jane Roe, a spokeswoman for the transit agency.\n\nThe spokeswoman said the cameras were “working normally.”', quote: '“working', speaker: 'Jane Roe', type: 'PERSON' },
  { kind: 'description kept where the text names the person', rule: 'a lower-case title before a name; the last such person wins',
    text: 'Campaign spokesman Lee Park flew in on Tuesday. The next day, campaign spokeswoman Dana Whitfield met donors.\n\n“We will win Ohio,” the spokeswoman said.', quote: '“We will win', speaker: 'Dana Whitfield', type: 'PERSON' },
  { kind: 'description kept where the text names the person', rule: 'an indefinite role is not resolved',
    text: 'Campaign spokeswoman Dana Whitfield met donors.\n\n“We will win Ohio,” a spokeswoman for the rival campaign said.', quote: '“We will win', speaker: 'a spokeswoman for the rival campaign', type: 'DESCRIPTION' },
  // Documents and groups as the subject of the clause holding the quote.
  { kind: 'document as source', rule: 'a document subject and its verb, past a participle phrase',
    text: 'A Harbor Commission report released last year found that the docks were “in urgent need of repair.”', quote: '“in urgent', speaker: 'a Harbor Commission report', type: 'ORG', step: 'clause-subject' },
  { kind: 'document as source', rule: 'a document subject with its author',
    text: 'A report released by the Harbor Commission last year found that the docks were “in urgent need of repair.”', quote: '“in urgent', speaker: 'Harbor Commission report', type: 'ORG', step: 'clause-subject' },
  { kind: 'group as source', rule: 'a quantity of people as the clause’s subject',
    text: 'Only 40 percent of registered voters agreed that the mayor was “doing a good job.”', quote: '“doing', speaker: 'only 40 percent of registered voters', type: 'GROUP', step: 'clause-subject' },
  { kind: 'noun phrase taken for speaker', rule: 'a quantity of things is no speaker',
    text: 'Most of the funds raised were spent on “consulting fees.”', quote: '“consulting', speaker: null },
  // Headline labels.
  { kind: 'headline label', rule: 'a plural subject of a headline verb is a GROUP',
    text: 'Striking Nurses Slam Hospital Board As ‘Reckless’', quote: '‘Reckless', speaker: 'Striking Nurses', type: 'GROUP', step: 'headline-verb' },
  { kind: 'noun phrase taken for speaker', rule: 'a section label followed by running text is no speaker',
    text: 'Harbor Funding Remains Uncertain: Securing “the money for dredging” is one of the council’s oldest goals.', quote: '“the money', speaker: null },
  { kind: 'headline label', rule: 'a name before a colon in running text',
    text: 'Residents were divided. Jane Roe: “We were never asked.”', quote: '“We were never', speaker: 'Jane Roe', type: 'PERSON', step: 'name-label' },
  { kind: 'wrong person', rule: 'a name after a cue before the colon is spoken to, not speaking',
    text: 'Mark Tully told Jane Roe: “You were never asked.”', quote: '“You were', speaker: 'Mark Tully', step: 'cue-before' },
  // The paragraph: pronouns.
  { kind: 'wrong person (last name winning)', rule: 'a paragraph opening with a quotation, "she said", takes the subject of the paragraph setting it up, past a scene-setting phrase',
    text: 'On a radio show on Monday, Dana Whitfield criticized the city’s police chief, Laura Benes, for the delay.\n\n“We cannot wait another month for answers,” she said.', quote: '“We cannot', speaker: 'Dana Whitfield', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (last name winning)', rule: 'the setting paragraph’s subject without a scene-setting phrase',
    text: 'Dana Whitfield criticized the city’s police chief, Laura Benes, for the delay.\n\n“We cannot wait another month for answers,” she said.', quote: '“We cannot', speaker: 'Dana Whitfield', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (last name winning)', rule: 'not when the setting subject is of the other gender: the last woman named',
    text: 'On Monday, Tom Varga criticized the city’s police chief for the delay, and Laura Benes said she would answer.\n\n“We answered every letter within a week,” she said.', quote: '“We answered', speaker: 'Laura Benes', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (last name winning)', rule: 'not when the quotation does not open its paragraph',
    text: 'Dana Whitfield criticized the city’s police chief, Laura Benes, for the delay.\n\nChief Laura Benes disagreed. “We answered every letter within a week,” she said.', quote: '“We answered', speaker: 'Laura Benes', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (most salient name)', rule: 'a pronoun takes the subject of a cue in its own sentence first',
    text: 'Osei said she had asked Senator Ruth Adler about the bill because “it matters to families,” she said.', quote: '“it matters', speaker: 'Osei', type: 'PERSON', step: 'cue-after' },
  // Appositives of a description or a document; opening phrases.
  { kind: 'no speaker (quoted e-mail credited by the surrounding text)', rule: 'an e-mail "sent by" its author',
    text: 'The email, sent by Jane Roe on Friday, said: “The office will close early.”', quote: '“The office', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-before' },
  { kind: 'no speaker (quoted post credited by the surrounding text)', rule: 'a post on a person’s page, inverted "read"',
    text: '“We are done here,” read a post on Jane Roe’s Facebook page.', quote: '“We are done', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  { kind: 'document as source', rule: 'an inverted "reads" before a document',
    text: '“Keep out,” reads a sign at the entrance.', quote: '“Keep out', speaker: 'a sign at the entrance', type: 'ORG' },
  { kind: 'no speaker (description with an appositive)', rule: 'a description heading a relative clause with a name in it',
    text: 'The senator, who met Governor Tom Baxter on Monday, called the plan “a fantasy.”', quote: '“a fantasy', speaker: 'the senator', type: 'DESCRIPTION' },
  { kind: 'wrong person (most salient name)', rule: 'a name in an opening phrase is no subject',
    text: 'In Ohio, Jane Roe, a nurse, said the ward was “full every night.”', quote: '“full', speaker: 'Jane Roe' },
  { kind: 'noun phrase taken for speaker', rule: 'an adverbial phrase between subject and cue',
    text: 'Jane Roe has in the past said the tax was “a burden on families.”', quote: '“a burden', speaker: 'Jane Roe' },
  { kind: 'wrong person (most salient name)', rule: 'an aide to a named person is not that person',
    text: 'An aide to Governor Tom Baxter said the veto was “certain.”', quote: '“certain', speaker: 'an aide to Governor Tom Baxter', type: 'DESCRIPTION' },
  { kind: 'noun phrase taken for speaker', rule: 'a place after "on" modifies the subject',
    text: 'An expert on Russia said the sanctions were “mostly symbolic.”', quote: '“mostly', speaker: 'an expert on Russia', type: 'DESCRIPTION' },
  { kind: 'wrong person (crowd chanting about a person)', rule: 'a cue in a clause of its own after the quote is not the quote’s',
    text: 'The crowd broke into chants of “Lock her up!” as Governor Tom Baxter spoke.', quote: '“Lock her', speaker: 'the crowd', type: 'GROUP', step: 'clause-subject' },
  { kind: 'wrong person (the voice of an earlier quote)', rule: 'a short sentence introducing a person before a standalone quote',
    text: '“I think it is wrong,” Mark Tully said.\n\nJane Roe disagreed.\n\n“It is the only way forward.”', quote: '“It is the only', speaker: 'Jane Roe', step: 'lead-in-subject' },
  // Clauses: the quote's own clause over an earlier cue; a relative clause on an object.
  { kind: 'wrong person (proximity over structure)', rule: 'the subject of the adverbial clause holding the quote',
    text: '“Are we late?” she asked, but Tom was asleep, and as Governor Ann Lee went on about “the road ahead,” the crowd thinned.', quote: '“the road', speaker: 'Ann Lee', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a cue inside the adverbial clause still decides',
    text: 'Jane Roe spoke first, and when Mark Tully called the plan “a fantasy,” the room went quiet.', quote: '“a fantasy', speaker: 'Mark Tully' },
  { kind: 'wrong person (proximity over structure)', rule: 'a relative clause on the object of a cue',
    text: 'Mark Tully told a student who suggested that voting was pointless that “every ballot counts in this town.”', quote: '“every ballot', speaker: 'Mark Tully', step: 'cue-before' },
  { kind: 'wrong person (proximity over structure)', rule: 'a relative clause whose cue has the quote for object keeps its subject',
    text: 'We met a nurse who said “the ward is full every night.”', quote: '“the ward', speaker: 'a nurse', type: 'DESCRIPTION' },
  { kind: 'headline label', rule: 'a group’s slogan in a headline',
    text: 'Striking Nurses Rally Downtown To ‘Save Our Wards’', quote: '‘Save', speaker: 'Striking Nurses', type: 'GROUP', step: 'headline-verb' },
  // More appositives and modifiers.
  { kind: 'no speaker (name in an appositive after a description)', rule: '"one of" a group, then the name',
    text: '“We are not going anywhere,” said one of the striking nurses, Ana Ruiz.', quote: '“We are not', speaker: 'Ana Ruiz', type: 'PERSON', step: 'cue-after' },
  { kind: 'description kept where the text names the person', rule: 'a description, then the name between commas',
    text: 'A spokeswoman for the mayor, Jane Roe, called the report “deeply flawed.”', quote: '“deeply', speaker: 'Jane Roe', type: 'PERSON' },
  { kind: 'noun phrase taken for speaker', rule: 'a participle modifies the head: the union speaks, not the nurses',
    text: 'In a statement, the union representing the striking nurses called the offer “an insult.”', quote: '“an insult', speaker: 'the union representing the striking nurses', type: 'ORG' },
  { kind: 'speaker types kept honest', rule: '"one of" a group is one person, a DESCRIPTION',
    text: '“It was chaos,” said one of the witnesses.', quote: '“It was chaos', speaker: 'one of the witnesses', type: 'DESCRIPTION' },
  // Posts, objects of a participle, nouns in -ly, pairs.
  { kind: 'no speaker (quoted post)', rule: 'an embedded tweet’s signature with its handle and date',
    text: '“The election is rigged!” — Jane Roe (@janeroe) September 23, 2016', quote: '“The election', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (proximity over structure)', rule: 'a participle with its object before the quote',
    text: 'Mark Tully fired back at Jane Roe, calling her “a liar.”', quote: '“a liar', speaker: 'Mark Tully', type: 'PERSON' },
  { kind: 'wrong person (proximity over structure)', rule: 'an earlier cue still decides when the participle’s subject is not found',
    text: 'Foreign Secretary Liz Truss on Tuesday reiterated the warning, telling Sky News it “could come any day.”', quote: '“could', speaker: 'Liz Truss' },
  { kind: 'group as source', rule: 'a noun in -ly is no adverb',
    text: 'Trump supporters at the rally chanted “Build the wall!”', quote: '“Build', speaker: 'Trump supporters at the rally', type: 'GROUP' },
  { kind: 'no speaker', rule: '"both" between the subject and its cue',
    text: 'Jane Roe and Mark Tully both called the plan “reckless.”', quote: '“reckless', speaker: 'Mark Tully' },
  // Speech nouns and roles with a modifier.
  { kind: 'no speaker', rule: 'the owner of a speech noun after the quote',
    text: '“Absolutely not,” was Jane Roe’s reply.', quote: '“Absolutely', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  { kind: 'no speaker', rule: 'a possessive pronoun and a speech noun before the quote',
    text: 'Jane Roe was asked whether she would resign. Her answer: “Absolutely not.”', quote: '“Absolutely', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-before' },
  { kind: 'noun phrase cut short', rule: 'a role with its modifier before the cue',
    text: '“We need more time,” the former secretary of state said.', quote: '“We need', speaker: 'the former secretary of state', type: 'DESCRIPTION', step: 'cue-after' },
  { kind: 'description kept where the text names the person', rule: 'a role introduced by a copula',
    text: 'Jane Roe is the former secretary of state. “We need more time,” the former secretary of state said.', quote: '“We need', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  // Nouns in cue form, names after role words, agents of a participle, role suffixes.
  { kind: 'noun phrase taken for speaker', rule: 'a cue form after a possessive is a noun',
    text: 'The Harbor Workers Union, which represents the crane operators, called the company’s demands “unrealistic.”', quote: '“unrealistic', speaker: 'Harbor Workers Union', type: 'ORG' },
  { kind: 'description kept where the text names the person', rule: 'a name after role words heads a description: the name between the commas speaks',
    text: 'A spokesman for the shipping company Maersk, Lars Nielsen, said the company was “monitoring the situation.”', quote: '“monitoring', speaker: 'Lars Nielsen', type: 'PERSON' },
  { kind: 'document as source', rule: 'the outlet that obtained a memo is not its author',
    text: 'According to a memo obtained by The Oakland Tribune, the association had prepared for “a strike of up to 60 days.”', quote: '“a strike', speaker: 'a memo', type: 'ORG' },
  { kind: 'description kept where the text names the person', rule: 'a role with a modifier resolves by its last word',
    text: 'Port director Henry Okafor said the shutdown was costly.\n\n“Every hour matters,” the port director said.', quote: '“Every hour', speaker: 'Henry Okafor', type: 'PERSON' },
  // Pronouns and subjects across sentences.
  { kind: 'wrong person (most salient name)', rule: 'a pronoun takes the person opening the sentence before in its paragraph',
    text: 'Dr. Laura Bright, a budget analyst, called the plan “a political document.”\n\nSenator Ruth Adler spoke next. Adler was unmoved. “We have heard that before,” she said.', quote: '“We have heard', speaker: 'Ruth Adler', type: 'PERSON', step: 'cue-after' },
  { kind: 'no speaker', rule: 'a time phrase between the subject and its verb',
    text: 'Senate Majority Leader Ruth Adler on Thursday denounced the budget as “reckless and cruel.”', quote: '“reckless', speaker: 'Ruth Adler', type: 'PERSON', step: 'clause-subject' },
  { kind: 'wrong person (most salient name)', rule: 'a pronoun after a described speaker is theirs, not an earlier name’s',
    text: 'Mayor Jane Roe defended the policy.\n\nOne restaurant owner, who asked not to be named, said the debate had become “toxic.”\n\n“I just want to run my business,” he said.', quote: '“I just want', speaker: 'one restaurant owner', type: 'DESCRIPTION' },
  { kind: 'wrong person', rule: 'the subject of ", which accused …" is the phrase before the comma',
    text: 'Tom Baxter’s statement echoed one from the Ohio Republican Party, which accused the mayor of “ignoring the law.”', quote: '“ignoring', speaker: 'Ohio Republican Party', type: 'ORG' },
  { kind: 'wrong person', rule: 'an organisation’s possessive before a role does not speak',
    text: '“We are reviewing it,” said Acme’s spokeswoman, Jane Roe.', quote: '“We are', speaker: 'Jane Roe', type: 'PERSON', step: 'cue-after' },
  { kind: 'noun phrase taken for speaker', rule: '"the country’s largest lender" is the organisation introduced so',
    text: 'Acme Bank is the country’s largest lender. The country’s largest lender said it was “reviewing” the decision.', quote: '“reviewing', speaker: 'Acme Bank', type: 'ORG' },
  { kind: 'speaker types kept honest', rule: 'a capitalised plural opening the sentence is a group',
    text: 'Critics said the plan was “a gift to the rich.”', quote: '“a gift', speaker: 'Critics', type: 'GROUP' },
  { kind: 'wrong person (pronoun of the wrong gender)', rule: 'common first names carry a gender; the subject past its appositive opens the sentence before',
    text: 'Roe, who has clashed with Governor Tom Baxter, spoke after him. “We will not wait,” she said.', quote: '“We will not', speaker: 'Roe', type: 'PERSON' },
  // Added with the speakers branch (issue 9), one per rule.
  { kind: 'wrong person (the voice before wins)', rule: 'a quote that is the subject of a passive credits its agent',
    text: '“We are ready,” Carla Ostrowski said.\n\n“Harbour Lights” was written by Tomas Berg in 1987.', quote: '“Harbour', speaker: 'Tomas Berg', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (the voice before wins)', rule: 'the one person the sentence names, not the voice of the paragraph',
    text: '“We are ready,” Carla Ostrowski said. The delay has led the engineer Peter Berg to fear “a winter of detours.”', quote: '“a winter', speaker: 'Peter Berg', type: 'PERSON', step: 'sentence-person' },
  { kind: 'wrong person (the voice before wins)', rule: 'no sentence-person when the sentence names two people',
    text: '“We are ready,” Carla Ostrowski said. The delay has led Peter Berg and Maria Lund to fear “a winter of detours.”', quote: '“a winter', speaker: 'Carla Ostrowski', step: 'same-voice' },
  { kind: 'wrong person (the voice before wins)', rule: 'a person after a preposition is not the sentence’s person',
    text: '“We are ready,” Carla Ostrowski said. The plan was sent back to Peter Berg as “a winter of detours.”', quote: '“a winter', speaker: 'Carla Ostrowski', step: 'same-voice' },
  { kind: 'description kept short', rule: 'a group keeps the body it belongs to',
    text: 'Harbour Committee Republicans fumed over the “secret deal” on Monday.', quote: '“secret', speaker: 'Harbour Committee Republicans', type: 'GROUP' },
  { kind: 'noun phrase taken for speaker', rule: 'the channel after an inverted subject is not part of it',
    text: '“We were never asked,” said the striking nurses in a statement on Friday.', quote: '“We were', speaker: 'the striking nurses', type: 'GROUP', step: 'cue-after' },
  { kind: 'noun phrase taken for speaker', rule: 'a modifier that is not a channel stays with the subject',
    text: '“We were never asked,” said a spokesman for the port authority.', quote: '“We were', speaker: 'a spokesman for the port authority', type: 'DESCRIPTION', step: 'cue-after' },
  { kind: 'document as source', rule: 'the agent of a participle on the subject is not the subject',
    text: 'A confidential memo obtained by local reporters warns that the fund is “nearly empty.”', quote: '“nearly', speaker: 'a confidential memo', type: 'ORG', step: 'cue-before' },
  { kind: 'noun phrase taken for speaker', rule: 'a description opening the clause with the name as its appositive is a role for that name',
    text: 'The region’s biggest insurer, Solvia, raised its premiums. Later the region’s biggest insurer said costs were “out of control.”', quote: '“out of', speaker: 'Solvia' },
  { kind: 'quoted e-mail credited by the surrounding text', rule: 'an email from a named person is theirs',
    text: '“We will not back down,” read an email from campaign manager Lisa Kovac to donors.', quote: '“We will not', speaker: 'Lisa Kovac', type: 'PERSON', step: 'cue-after' },
  { kind: 'quoted post credited by the surrounding text', rule: 'a post a named person shared speaks for them',
    text: 'The post, which Lisa Kovac shared on Facebook, said the mayor was “a coward.”', quote: '“a coward', speaker: 'Lisa Kovac', type: 'PERSON', step: 'cue-before' },
  { kind: 'document as source', rule: 'a post with no author named stays the document',
    text: 'The post, which appeared on Friday, said the mayor was “a coward.”', quote: '“a coward', speaker: 'the post', type: 'ORG' },
  { kind: 'role noun not resolved', rule: 'a title written short is the role a later "the senator" spells out',
    text: 'Sen. Paul Ameri met Mayor Lena Fischer on Monday. After meeting the mayor, the senator told reporters: “We have a deal.”', quote: '“We have', speaker: 'Paul Ameri', type: 'PERSON', step: 'cue-before' },
  { kind: 'headline-style label', rule: 'a surname ending like a plural is a person when the document names them in full',
    text: 'SANDERS ON THE BUDGET: ‘We will win’\n\nSen. Bernie Sanders spoke in Vermont on Monday.', quote: '‘We will', speaker: 'Bernie Sanders', type: 'PERSON', step: 'headline-label' },
  { kind: 'crowd chants (group as source)', rule: 'a plural of people before "of" heads the run, not the person it is of',
    text: 'Governor Tom Baxter spoke in Dayton. Supporters of Baxter chanted “Four more years!” during the speech.', quote: '“Four more', speaker: 'Supporters of Baxter', type: 'GROUP', step: 'cue-before' },
  { kind: 'crowd chants (group as source)', rule: 'a subject pronoun ends a bare plural’s phrase',
    text: 'Governor Tom Baxter spoke in Dayton. He thanked volunteers, who chanted “Four more years!”', quote: '“Four more', speaker: 'volunteers', type: 'GROUP', step: 'cue-before' },
  { kind: 'document as source', rule: 'a statement issued by the clause’s subject speaks for it',
    text: 'The Baxter campaign issued a statement calling the verdict “a travesty.”', quote: '“a travesty', speaker: 'the Baxter campaign', type: 'ORG', step: 'cue-before' },
  { kind: 'document as source', rule: 'a statement not issued by the subject stays the speaker of its participle',
    text: 'Reporters obtained a statement calling the verdict “a travesty.”', quote: '“a travesty', speaker: 'a statement', type: 'ORG', step: 'cue-before' },
  { kind: 'headline-style label', rule: 'a headline opening with the quote names its speaker after the colon',
    text: '‘A disgrace to the city’: Baxter\n\nGovernor Tom Baxter spoke on Monday.', quote: '‘A disgrace', speaker: 'Tom Baxter', type: 'PERSON', step: 'headline-label' },
  { kind: 'headline-style label', rule: 'the name after the colon may be the subject of the headline’s verb',
    text: '“We will rebuild”: Baxter vows to fight on\n\nGovernor Tom Baxter spoke on Monday.', quote: '“We will', speaker: 'Tom Baxter', type: 'PERSON', step: 'headline-label' },
  { kind: 'headline-style label', rule: 'no label when a long sentence follows the colon',
    text: '“We will rebuild”: Baxter and the council of the city of Dayton met for nine hours on Monday to discuss the budget and the bridge.', quote: '“We will', speaker: null },
  { kind: 'wrong person (the voice before kept)', rule: 'a possessive pronoun opens a description: its cue has a subject',
    text: 'Tom Baxter mocked Ana Ruiz on Monday, saying she was “too slow.” Her campaign called the remark “petty.”', quote: '“petty', speaker: 'her campaign', type: 'ORG', step: 'cue-before' },
  { kind: 'role noun not resolved', rule: 'a role no one was introduced with before is the one person introduced with it just after',
    text: '“I never said that,” the senator insisted on Monday. Sen. Joe Blake has denied the remarks for weeks.', quote: '“I never', speaker: 'Joe Blake', type: 'PERSON' },
  { kind: 'role noun not resolved', rule: 'not when the document gives the role to two people after it',
    text: '“I never said that,” the senator insisted on Monday. Sen. Joe Blake and Sen. Ann Oduya have both denied the remarks.', quote: '“I never', speaker: 'the senator' },
  { kind: 'role noun not resolved', rule: '"his spokesman" is the spokesman introduced earlier',
    text: 'Baxter spokesman Eli Stone declined to comment on Monday. On Tuesday, his spokesman called the report “a smear.”', quote: '“a smear', speaker: 'Eli Stone', type: 'PERSON', step: 'cue-before' },
  { kind: 'wrong person (structure over proximity)', rule: 'a cue after the quote’s own clause goes on ("was false, X said") is not the quote’s',
    text: 'Tom Baxter’s claim that the budget was “balanced” was false, Ana Ruiz said.', quote: '“balanced', speaker: 'Tom Baxter', type: 'PERSON' },
  { kind: 'crowd chants (group as source)', rule: 'a participle keeps its own subject after "by"',
    text: 'Tom Baxter spoke in Dayton. The speech was interrupted by protesters shouting “Shame!”', quote: '“Shame', speaker: 'protesters', type: 'GROUP', step: 'cue-before' },
  { kind: 'wrong person (salient name over the clause’s subject)', rule: 'the owner of a remark named in passing does not voice a later quote',
    text: 'Tom Baxter hardly helped, treating Ana Ruiz’s remark first as praise -- “That makes me a winner.”', quote: '“That makes', speaker: 'Tom Baxter', type: 'PERSON' },
  { kind: 'wrong person (salient name over the clause’s subject)', rule: 'the owner of a remark leading into the quote speaks',
    text: 'Tom Baxter disputed Ana Ruiz’s claim that the budget was “balanced.”', quote: '“balanced', speaker: 'Ana Ruiz', type: 'PERSON' },
  { kind: 'wrong person (a cue before the noun over its owner)', rule: 'a "that" clause of an owned speech noun reports the owner’s words, whatever verb governs the noun',
    text: 'Ana Ruiz responded to Tom Baxter’s debate interjection that skipping the audit made him “efficient.”', quote: '“efficient', speaker: 'Tom Baxter', type: 'PERSON' },
  { kind: 'wrong person (a cue before the noun over its owner)', rule: 'does not fire: a verb of naming keeps its subject, the quote names the claim',
    text: 'Ana Ruiz called Tom Baxter’s claim that the budget was balanced “a fantasy.”', quote: '“a fantasy', speaker: 'Ana Ruiz', type: 'PERSON' },
  { kind: 'wrong person (a cue before the noun over its owner)', rule: 'does not fire: a second "was" is the main clause’s, the quote its complement',
    text: 'Ana Ruiz said Tom Baxter’s claim that the budget was balanced was “absurd.”', quote: '“absurd', speaker: 'Ana Ruiz', type: 'PERSON' },
  { kind: 'description kept where the name follows', rule: 'an age may lead the appositive name',
    text: '“It is sad,” said one resident, 72-year-old Ana Ruiz.', quote: '“It is sad', speaker: 'Ana Ruiz', type: 'PERSON', step: 'cue-after' },
  { kind: 'wrong person (salient name over the clause’s subject)', rule: 'the subject of a condition opening the sentence is not the main clause’s',
    text: 'Ana Ruiz may resign. If she did, the town charter would let the council call a “snap election.”', quote: '“snap', speaker: null },
  { kind: 'wrong person (salient name over the clause’s subject)', rule: 'after a condition, the main clause’s subject speaks',
    text: 'If the deal fails, Ana Ruiz called the plan “a dead end.”', quote: '“a dead', speaker: 'Ana Ruiz', type: 'PERSON' },
  // Roles resolved to the person introduced with them, and pronouns after a description.
  { kind: 'pronoun/role-noun resolution', rule: 'a role given with "as" resolves a later "the spokeswoman"',
    text: 'The clinic hired Rosa Ferreira as its spokeswoman in the spring.\n\n“We expect the audit to clear us,” the spokeswoman said.', quote: '“We expect', speaker: 'Rosa Ferreira', type: 'PERSON', step: 'cue-after' },
  { kind: 'pronoun/role-noun resolution', rule: 'a role given with "was named" resolves a later role noun, not the person named first',
    text: 'The league fined Omar Haddad in March. In May, Lucia Brandt was named its commissioner.\n\n“The rules apply to everyone,” the commissioner said.', quote: '“The rules', speaker: 'Lucia Brandt', type: 'PERSON' },
  { kind: 'pronoun/role-noun resolution', rule: 'a given role stops at its title word, not the time words after it',
    text: 'The mill took on Henrik Dahl as its foreman last winter.\n\n“Nobody works a double shift,” the foreman said.', quote: '“Nobody', speaker: 'Henrik Dahl', type: 'PERSON' },
  { kind: 'pronoun/role-noun resolution', rule: 'does not fire: "was named in" gives no role, the role noun stays a description',
    text: 'Omar Haddad was named in the lawsuit.\n\n“We regret the error,” the spokesman said.', quote: '“We regret', speaker: 'the spokesman', type: 'DESCRIPTION' },
  { kind: 'appositive after a description', rule: 'a pronoun after a sentence opening with a description and its appositive name (no entities known)',
    text: 'The port’s harbour master, Ines Calloway, inspected the pier. “It will not reopen this week,” she said.', quote: '“It will not', speaker: 'Ines Calloway', type: 'PERSON', step: 'cue-after' },
  { kind: 'appositive after a description', rule: 'the continuation of that quote keeps the person',
    text: 'The port’s harbour master, Ines Calloway, inspected the pier. “It will not reopen,” she said. “Not this week.”', quote: '“Not this', speaker: 'Ines Calloway', type: 'PERSON', step: 'continuation' },
  { kind: 'wrong person (salient name over the clause’s subject)', rule: 'does not fire: a name inside an opening clause is not the sentence’s subject',
    text: 'After meeting Tom Baxter, the senator left the hall. “It went well,” he said.', quote: '“It went', speaker: null },

  { kind: 'document as source', rule: 'an appositive between commas after the document is passed over to its verb',
    text: 'The audit, published by the county treasurer on Friday, found that the accounts were “badly kept.”', quote: '“badly', speaker: 'the audit', type: 'ORG', step: 'clause-subject' },
  { kind: 'document as source', rule: 'does not fire: a cue inside the commas keeps its own speaker',
    text: 'The audit, Ruth Adler said, was “a whitewash.”', quote: '“a whitewash', speaker: 'Ruth Adler', type: 'PERSON' },

  { kind: 'appositive after a description', rule: 'an inverted cue with an owner’s pronoun before the role, then the name',
    text: '“We start again on Monday,” said her deputy, Tobias Renner.', quote: '“We start', speaker: 'Tobias Renner', type: 'PERSON', step: 'cue-after' },
  { kind: 'appositive after a description', rule: 'an owner’s pronoun and a role with no name is a description, not the voice before',
    text: '“We lost,” Vera Lindqvist said.\n\n“We will appeal,” said her lawyer.', quote: '“We will appeal', speaker: 'her lawyer', type: 'DESCRIPTION', step: 'cue-after' },
  { kind: 'appositive after a description', rule: 'does not fire: a possessive pronoun after a cue with its subject before is the audience',
    text: '“Go home and rest,” Vera Lindqvist told her staff.', quote: '“Go home', speaker: 'Vera Lindqvist', type: 'PERSON', step: 'cue-after' },

];

describe('quote speakers on the error kinds', () => {
  it('wrong person: a surname inside a longer name (a show’s title) does not expand to it', () => {
    const text = 'Tom Reyes hosts the show Tom Reyes Tonight on weekdays.\n\n“I was never told what to say,” Mr. Reyes said.';
    const show = text.indexOf('Tom Reyes Tonight'), host = text.indexOf('Tom Reyes');
    const entities = [
      { start: host, end: host + 9, text: 'Tom Reyes', type: 'PERSON' as const, canonical: 'Tom Reyes' },
      { start: show, end: show + 17, text: 'Tom Reyes Tonight', type: 'PERSON' as const, canonical: 'Tom Reyes Tonight' },
    ];
    const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), entities);
    assert.equal(quotes[0]?.speaker, 'Tom Reyes');
  });

  it('noun phrase taken for speaker: an entity "name" holding a verb is not used to expand names', () => {
    const text = 'Harbor Chief Ana Ruiz Is Right, Auditors Find\n\nRuiz said the ledger was “clean.”';
    const start = text.indexOf('Ana');
    const entities = [{ start, end: start + 'Ana Ruiz Is Right'.length, text: 'Ana Ruiz Is Right', type: 'PERSON' as const, canonical: 'Ana Ruiz Is Right' }];
    const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), entities);
    assert.equal(quotes.find(q => q.text.startsWith('“clean'))?.speaker, 'Ruiz');
  });

  it('noun phrase taken for speaker: an entity "name" ending in an event’s word is not used to expand names', () => {
    const text = 'Volunteers marked Ana Ruiz Reading Day at the library.\n\n“Every child should own a book,” Ruiz said.';
    const start = text.indexOf('Ana');
    const entities = [{ start, end: start + 'Ana Ruiz Reading Day'.length, text: 'Ana Ruiz Reading Day', type: 'PERSON' as const, canonical: 'Ana Ruiz Reading Day' }];
    const quotes = findQuotes(new AnalysisContext(), text, sentences(text, paragraphs(text)), entities);
    assert.equal(quotes[0]?.speaker, 'Ruiz');
  });

  for (const c of CASES) {
    it(`${c.kind}: ${c.rule}`, () => {
      // A short phrase with no speaker inside its sentence is left out as a scare quote
      // (quotes-detection.test.ts): then no one is credited with it either.
      if (c.speaker === null && isScareQuoteCase(c)) {
        const qs = findQuotes(new AnalysisContext(), c.text, sentences(c.text, paragraphs(c.text)), []);
        assert.ok(!qs.some(x => x.text.startsWith(c.quote) && x.speaker !== null));
        return;
      }
      const q = quoteOf(c.text, c.quote);
      assert.equal(q.speaker, c.speaker);
      if (c.type) assert.equal(q.speakerType, c.type);
      if (c.step) assert.equal(q.attribution?.step, c.step);
      if (c.speaker) assert.ok(q.attribution && q.attribution.detail.length > 0);
      else assert.equal(q.attribution, null);
    });
  }
});
