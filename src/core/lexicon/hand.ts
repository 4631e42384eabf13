/**
 * Hand-written word lists for entity recognition: titles, name heads, places,
 * demonyms, dates. Lists are space- or `|`-separated strings, split once at load.
 */

/** Titles and roles that precede a person's name; never part of the name itself. */
export const TITLES =
  'President Vice Prime Minister Ministers Foreign Defense Defence Secretary General Secretary-General ' +
  'Under-Secretary Chancellor Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss Mme Sen Sen. Senator Rep Rep. Representative ' +
  'Gov Gov. Governor Mayor King Queen Prince Princess Pope Sheikh Ambassador Envoy Spokesman Spokeswoman ' +
  'Spokesperson Chief Deputy Chairman Chairwoman Chair Director Director-General Commissioner Judge Justice ' +
  'Coach Captain Capt Capt. Col Col. Colonel Gen Gen. Lt Lt. Lieutenant Sgt Sgt. Sergeant Adm Adm. Admiral ' +
  'Maj Maj. Rev Rev. Reverend Father Sister Brother Sir Lord Lady Dame Archbishop Bishop Cardinal Rabbi Imam ' +
  'Professor Prof Prof. Premier Interior Finance Economy Economics Health Trade Energy Home Affairs Leader ' +
  'Speaker Attorney Executive CEO Officer Commander Marshal Patriarch Ayatollah Emperor Crown Pres Pres. ' +
  'State Treasury Agriculture Education Labour Labor Transport Environment Culture Information Security ' +
  'National Adviser Advisor Analyst Ombudsman Counsel Deputies Minister-President Mufti Grand Opposition ' +
  'Detective Inspector Superintendent Constable Officer Sheriff Chancellor Vice-President Vice-Chancellor ' +
  'First Lady Head Acting Interim Former Ex-President President-elect Senior Principal Assistant Associate';

/** Title words that are also ordinary name parts: a title only before another name word. */
export const WEAK_TITLES = 'Home State National Security Information First Lady Head Grand Senior Principal Father Sister Brother Justice Crown';

/** Lower-case roles before a name: "spokesperson Maria Zakharova". */
export const LOWER_TITLES =
  'spokesperson spokesman spokeswoman minister president chancellor secretary ambassador envoy leader ' +
  'premier official director chairman chairwoman analyst commander general senator governor mayor ' +
  'correspondent reporter editor professor adviser advisor counsel lawyer attorney judge coach captain ' +
  'striker midfielder defender goalkeeper champion manager chief executive founder colleague counterpart ' +
  'rival opponent candidate nominee deputy aide diplomat negotiator economist';

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

/** Words that make a name a place: last words ("Red Sea") and first words ("Mount Everest"). */
export const PLACE_HEADS =
  'Street St Road Avenue Boulevard Square River Mountains Mountain Hills Island Islands Sea Ocean Lake Valley Bay ' +
  'Gulf Strait Straits Peninsula Desert Coast Province Region County Oblast Krai District Airport Bridge Canal ' +
  'Park Heights Beach Harbour Harbor Port City Town Village Plateau Basin Delta Forest Creek Falls Pass Cape';
export const PLACE_FIRSTS = 'Mount Mt Mt. Lake Cape Gulf Port Fort Saint San Santa Sao St St. Isle';

/** Countries and other places, including short forms. */
export const PLACES =
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|' +
  'Belarus|Belgium|Bolivia|Bosnia|Bosnia and Herzegovina|Brazil|Britain|Great Britain|Bulgaria|Cambodia|Cameroon|' +
  'Canada|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Ecuador|Egypt|Estonia|' +
  'Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|' +
  'Italy|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Latvia|Lebanon|Libya|Lithuania|Luxembourg|' +
  'Malaysia|Mali|Mexico|Moldova|Mongolia|Montenegro|Morocco|Myanmar|Nepal|Netherlands|New Zealand|Nigeria|' +
  'North Korea|South Korea|Korea|North Macedonia|Norway|Pakistan|Palestine|Panama|Peru|Philippines|Poland|Portugal|' +
  'Qatar|Romania|Russia|Russian Federation|Saudi Arabia|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|' +
  'Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|' +
  'Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|United States|United States of America|' +
  'US|U.S.|USA|U.S.A.|America|Uzbekistan|Venezuela|Vietnam|Yemen|Zimbabwe|Europe|Asia|Africa|Latin America|' +
  'North America|South America|Middle East|Eastern Europe|Western Europe|Central Asia|Balkans|Baltics|Crimea|' +
  'Donbas|Donbass|Donetsk|Luhansk|Kharkiv|Odesa|Odessa|Mariupol|Lviv|Kyiv|Kiev|Moscow|St. Petersburg|Minsk|' +
  'Warsaw|Berlin|Paris|London|Brussels|Rome|Madrid|Vienna|Geneva|Beijing|Tokyo|Seoul|Delhi|New Delhi|Mumbai|' +
  'Washington|New York|Los Angeles|Chicago|Boston|San Francisco|Texas|California|Florida|Jerusalem|Tehran|' +
  'Baghdad|Damascus|Kabul|Ankara|Istanbul|Cairo|Sochi|Siberia|Chechnya|Sevastopol|Kherson|Zaporizhzhia|Belgorod|' +
  'Voronezh|Rostov|Kursk|Gomel|Brest|Black Sea|Baltic Sea|Arctic|Atlantic|Pacific|England|Scotland|Wales|' +
  'Northern Ireland|Hong Kong|Gaza|West Bank|Sydney|Toronto|Ottawa|Stockholm|Helsinki|Oslo|Copenhagen|Prague|' +
  'Budapest|Bucharest|Sofia|Athens|Lisbon|Dublin|Amsterdam|Tbilisi|Yerevan|Baku|Astana|Tashkent';

/** US states and large cities: places unless the CoNLL lists know them better (sports teams). */
export const US_PLACES =
  'Alabama|Alaska|Arizona|Arkansas|Colorado|Connecticut|Delaware|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|' +
  'Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|' +
  'Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|' +
  'Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|' +
  'Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|Austin|Detroit|Seattle|Denver|Atlanta|Miami|' +
  'Tulsa|Charlotte|Cleveland|Baltimore|Milwaukee|Pittsburgh|Minneapolis|New Orleans|Las Vegas|Brooklyn|Manhattan';

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

/** Demonyms and other adjectives of nations: MISC, and the adjective of a country's organisations. */
export const DEMONYMS =
  'Russia:Russian|Ukraine:Ukrainian|Belarus:Belarusian|United States:American|U.S.:American|US:American|' +
  'America:American|Britain:British|United Kingdom:British|UK:British|England:English|France:French|' +
  'Germany:German|China:Chinese|India:Indian|Japan:Japanese|Italy:Italian|Spain:Spanish|Poland:Polish|' +
  'Canada:Canadian|Australia:Australian|Turkey:Turkish|Iran:Iranian|Iraq:Iraqi|Israel:Israeli|Syria:Syrian|' +
  'Egypt:Egyptian|Georgia:Georgian|Latvia:Latvian|Lithuania:Lithuanian|Estonia:Estonian|Finland:Finnish|' +
  'Sweden:Swedish|Norway:Norwegian|Denmark:Danish|Netherlands:Dutch|Belgium:Belgian|Austria:Austrian|' +
  'Switzerland:Swiss|Greece:Greek|Hungary:Hungarian|Romania:Romanian|Bulgaria:Bulgarian|Serbia:Serbian|' +
  'Croatia:Croatian|Czech Republic:Czech|Slovakia:Slovak|Moldova:Moldovan|Kazakhstan:Kazakh|Pakistan:Pakistani|' +
  'Afghanistan:Afghan|Mexico:Mexican|Brazil:Brazilian|Argentina:Argentine|Chile:Chilean|Cuba:Cuban|' +
  'Venezuela:Venezuelan|Nigeria:Nigerian|Kenya:Kenyan|South Africa:South African|Saudi Arabia:Saudi|' +
  'North Korea:North Korean|South Korea:South Korean|Korea:Korean|Vietnam:Vietnamese|Indonesia:Indonesian|' +
  'Philippines:Filipino|Ireland:Irish|Scotland:Scottish|Wales:Welsh|Portugal:Portuguese|Europe:European|' +
  'Asia:Asian|Africa:African|Soviet Union:Soviet|Armenia:Armenian|Azerbaijan:Azerbaijani|Lebanon:Lebanese|' +
  'Jordan:Jordanian|Palestine:Palestinian|Kosovo:Kosovar|Bosnia:Bosnian|Slovenia:Slovenian|Iceland:Icelandic|' +
  'New Zealand:New Zealander|Thailand:Thai|Malaysia:Malaysian|Singapore:Singaporean|Taiwan:Taiwanese|' +
  'Mongolia:Mongolian|Cyprus:Cypriot|Qatar:Qatari|Yemen:Yemeni|Libya:Libyan|Tunisia:Tunisian|Morocco:Moroccan|' +
  'Algeria:Algerian|Ethiopia:Ethiopian|Somalia:Somali|Sudan:Sudanese|Uganda:Ugandan|Zimbabwe:Zimbabwean|' +
  'Colombia:Colombian|Peru:Peruvian|Bolivia:Bolivian|Ecuador:Ecuadorian|Uruguay:Uruguayan|Paraguay:Paraguayan|' +
  'Crimea:Crimean|Chechnya:Chechen|Siberia:Siberian|Kremlin:Kremlin|West:Western|NATO:NATO|EU:EU';

/** Other MISC adjectives and group names. */
export const MISC_WORDS = 'Western Eastern Soviet Islamic Muslim Christian Jewish Catholic Orthodox Arab Kurdish Sunni Shia Shiite Baltic Nordic Balkan Slavic Latino Hispanic Olympic Olympics English';

/** Capitalised words at a sentence start (or anywhere) that never begin a name. */
export const STARTERS =
  'The A An And But Or Nor So Yet However Meanwhile Although Though While Whereas When Where Why What Who Whom ' +
  'Whose Which How If Unless Until Since Because As At In On Of For From To By With Without Within Into Onto ' +
  'Over Under After Before During Despite Among Between About Above Below Across Along Around Against Through ' +
  'Throughout This That These Those There Here Then Thus Still Also Even Just Only Now Today Tonight Yesterday ' +
  'Tomorrow Earlier Later Last Next Some Many Most Much More Few Several All Both Each Every Either Neither No Not ' +
  'None Other Another Such It Its He She They We You I Me Him Her His Hers Our Ours Their Theirs Them Us My Your ' +
  'Everything Everyone Everybody Nothing Someone Somebody Something Anyone Anything Nobody One Two Three Four Five ' +
  'Six Seven Eight Nine Ten First Second Third Asked Told Said Says According Instead Indeed Moreover Furthermore ' +
  'Nevertheless Nonetheless Otherwise Overall Finally Perhaps Maybe Please Yes Oh Well Like Unlike Following ' +
  'Speaking Writing Asked Related Read Also Photo Image Video Watch Live Update Updates Breaking Exclusive Opinion ' +
  'Advertisement Sponsored Subscribe Copyright';

export const MONTHS =
  'January February March April May June July August September October November December ' +
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec';
export const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday';

/** Units and scale words that belong to a number's span. */
export const NUMBER_UNITS =
  'percent per cent % million billion trillion thousand hundred kilometers kilometres km miles mile meters metres ' +
  'feet foot kilograms kg tonnes tons barrels dollars euros pounds rubles roubles hryvnias yuan yen';
export const NUMBER_WORDS =
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
  'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands ' +
  'million millions billion billions dozen dozens';

/** Name aliases: every form on a line maps to the first. */
export const ALIASES = [
  'United States|U.S.|US|USA|U.S.A.|United States of America|America|the United States|the U.S.|the US',
  'United Kingdom|UK|U.K.|Britain|Great Britain',
  'United Nations|UN|U.N.',
  'European Union|EU|E.U.',
  'NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation',
  'Kyiv|Kiev',
  'Russia|Russian Federation',
];

/** Common first names (news of the 2020s) beyond those the CoNLL lists hold. */
export const FIRST_NAMES =
  'Angela Sylvie Geir Jill Edith Jan Karine Liz Anniken Zbigniew Dmytro Volodymyr Oleksiy Olaf Jens Sergey Sergei ' +
  'Maria Dmitry Dmitri Vladimir Vadym Tamara Lyudmila Antony Lloyd Kamala Joe Donald Hillary Barack Emmanuel Boris ' +
  'Rishi Keir Ursula Josep Charles Mykhailo Vitali Vitaly Oleksandr Olena Yulia Alexei Alexey Aleksandr Alexander ' +
  'Nikolai Nikolay Yevgeny Ramzan Dmytro Andriy Andrii Petro Viktor Mateusz Andrzej Xi Narendra Recep Justin Scott ' +
  'Jake Ned Linda Samantha Nancy Chuck Mitch Kevin Jen Kirill Anatoly Valery Igor Marat Denis Denys Iryna Oksana';
