/** Organisations: the head words that end an organisation's name, and known organisations. Lists are space- or `|`-separated strings, split once at load. */

/** Last words that make a name an organisation. */
export const ORG_HEADS =
  'Ministry Ministries Council Agency Agencies Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. ' +
  'Limited Plc PLC LLC AG SA NV GmbH Group Holdings Bank Banks Party Union Committee Commission Association ' +
  'Federation University College Institute Department Office Service Services Board Authority Court Parliament ' +
  'Assembly Senate Congress Army Navy Forces Guard Police Club FC Times Post Journal Herald Tribune News Press ' +
  'Gazette Telegraph Guardian Television TV Radio Network Airlines Airways Motors Systems Securities Exchange Fund ' +
  'Foundation Organization Organisation League Alliance Front Movement Church Trust Industries Technologies ' +
  'Partners Associates Society Bureau Cabinet Duma Kremlin Pentagon Commandos Brigade Battalion Regiment Division ' +
  'Conference Coalition Institution Administration Secretariat Directorate Inspectorate Academy School Hospital ' +
  'Reuters AP AFP Bloomberg Interfax TASS Xinhua';

/** Organisations every news reader meets. */
export const ORGS =
  'NATO|UN|U.N.|United Nations|EU|European Union|European Commission|Kremlin|Pentagon|White House|State Department|' +
  'Security Council|UN Security Council|OSCE|IMF|World Bank|WHO|G7|G20|Congress|Senate|Duma|State Duma|Reuters|AP|' +
  'Associated Press|AFP|BBC|CNN|Sky News|Guardian|Interfax|TASS|RIA Novosti|Xinhua|Bloomberg|Twitter|Facebook|' +
  'Google|Apple|Microsoft|Amazon|Gazprom|Nord Stream|Nord Stream 2|Rosneft|CIA|FBI|NSA|KGB|FSB|Hamas|Hezbollah|' +
  'Taliban|ISIS|Islamic State|Al Qaeda|al-Qaeda|Red Cross|Fox News|NBC|CBS|ABC|New York Times|Washington Post|' +
  'Wall Street Journal|Financial Times|Democrats|Republicans|Democratic Party|Republican Party|GOP|Labour|Tories|' +
  'Conservatives|Supreme Court|Federal Reserve|Fed|OPEC|WTO|ASEAN|African Union|Bundestag|Elysee|Downing Street|' +
  'Instagram|YouTube|TikTok|Telegram|PolitiFact|Politifact|Wells Fargo|Goldman Sachs|JPMorgan|Pfizer|Boeing|Tesla|' +
  'MSNBC|CNBC|NPR|PBS|Al Jazeera|Kyiv Independent|Ukrinform|Meduza|Kommersant|RT|Sputnik';

/** Lower-case heads that make a speaker's capitalised name an organisation (the quote rules' list). */
export const SPEAKER_ORG_WORDS: ReadonlySet<string> = new Set(`ministry house department kremlin pentagon committee council agency party campaign times post
  news journal guardian reuters press commission office administration government bureau institute university union
  association foundation corp corp. inc inc. company court senate congress army police navy nato un fbi cia cnn msnbc
  fox abc nbc cbs bbc network group center centre coalition board service services embassy parliament duma cabinet
  federation league organization organisation bank fund club caucus command tribune herald globe politico
  magazine channel politifact poll watch project alliance republicans democrats`.split(/\s+/));
