/** Given names (hand list; the CoNLL-derived list is in conll.ts). Lists are space- or `|`-separated strings, split once at load. */

/** Common first names (news of the 2020s) beyond those the CoNLL lists hold. */
export const FIRST_NAMES =
  'Angela Sylvie Geir Jill Edith Jan Karine Liz Anniken Zbigniew Dmytro Volodymyr Oleksiy Olaf Jens Sergey Sergei ' +
  'Maria Dmitry Dmitri Vladimir Vadym Tamara Lyudmila Antony Lloyd Kamala Joe Donald Hillary Barack Emmanuel Boris ' +
  'Rishi Keir Ursula Josep Charles Mykhailo Vitali Vitaly Oleksandr Olena Yulia Alexei Alexey Aleksandr Alexander ' +
  'Nikolai Nikolay Yevgeny Ramzan Dmytro Andriy Andrii Petro Viktor Mateusz Andrzej Xi Narendra Recep Justin Scott ' +
  'Jake Ned Linda Samantha Nancy Chuck Mitch Kevin Jen Kirill Anatoly Valery Igor Marat Denis Denys Iryna Oksana';

/** Given names by gender, lower-case: what a pronoun (he, she) may refer back to. (Names that are common surnames too, Warren, Martin, Howard, are left out: a surname alone would take their gender.) */
export const FEMALE: ReadonlySet<string> = new Set(`hillary nancy elizabeth kamala maria liz karine tamara lyudmila anniken angela melania ivanka
  kellyanne sarah michelle huma donna debbie jill susan sue mary patricia jennifer linda barbara margaret lisa karen
  betty helen sandra ashley kimberly emily laura rebecca amy anna ann anne julie katie kate claire gwen loretta
  christina catherine kathleen kelly megyn sheryl condoleezza janet samantha ruth sonia elena nikki marsha
  kirsten tammy dianne heidi jeanne maxine sheila jane joan diane carly ivana chelsea tiffany omarosa
  martha ariana katrina paula rosa teresa irene natalia olga svetlana yulia ursula theresa marine frederica tulsi
  heather jessica stephanie nicole rachel hannah emma olivia sophia grace alice madam marcia doris terry
  carol christine deborah debra dorothy sharon cynthia kathy cathy amanda melissa brenda pamela katherine kathryn
  julia judith judy cheryl megan andrea gloria evelyn joyce frances alexandra beverly denise tracy marilyn danielle
  amber brittany diana natalie sophie isabella mia abigail chloe ella lily zoe lauren erin kristen kristin courtney
  monica vanessa veronica valerie wendy yvonne tina rita carmen lucia sofia ana ines isabel beatriz fatima aisha
  leila nadia nina anastasia tatiana irina ekaterina marina jacinda caroline charlotte eleanor penelope kristi lori
  peggy haley stacey stacy kyrsten shelley michele becky marjorie ilhan rashida ayanna alexandria elise`.split(/\s+/));
export const MALE: ReadonlySet<string> = new Set(`donald barack bill joe mike michael john james robert david richard thomas charles christopher
  daniel paul mark george steven kevin brian edward ronald anthony jason jeff jeffrey ryan gary eric stephen larry
  scott frank ted bernie tim mitch chris rudy newt reince sean corey jared rex jens olaf sergey vladimir dmitry
  volodymyr dmytro oleksiy zbigniew vadym boris emmanuel xi dick al marco rand ben jeb lindsey harry chuck
  tom tony jack peter andrew matthew patrick kenneth joshua brandon benjamin samuel gregory alexander raymond jerry
  dennis walter carl arthur roger keith jeremy aaron lawrence sam adam nathan harold douglas zachary kyle noah ethan
  dylan jacob luke logan alan juan carlos jose luis miguel jorge antonio ricardo fernando pierre francois jacques
  giuseppe hans klaus wolfgang ahmed mohammed muhammad omar hassan ibrahim yusuf ivan igor alexei andrei viktor oleg
  yuri roy ralph eugene bobby fred ron don jim bob phil greg nick matt dan dave steve andy jon josh rick ken neil
  travis todd vince marc victor bruce elijah isaac jesse joel leo liam seth shane derek dustin evan ian marcus
  nathaniel randy shawn trevor troy vladislav sergei dmitri`.split(/\s+/));
