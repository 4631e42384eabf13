/** Places: head and first words of place names, known places, and nations with their adjectives. Lists are space- or `|`-separated strings, split once at load. */

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
