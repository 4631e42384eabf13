/** Given names (hand list; the CoNLL-derived list is in conll.ts). Lists are space- or `|`-separated strings, split once at load. */

/** Common first names (news of the 2020s) beyond those the CoNLL lists hold. */
export const FIRST_NAMES =
  'Angela Sylvie Geir Jill Edith Jan Karine Liz Anniken Zbigniew Dmytro Volodymyr Oleksiy Olaf Jens Sergey Sergei ' +
  'Maria Dmitry Dmitri Vladimir Vadym Tamara Lyudmila Antony Lloyd Kamala Joe Donald Hillary Barack Emmanuel Boris ' +
  'Rishi Keir Ursula Josep Charles Mykhailo Vitali Vitaly Oleksandr Olena Yulia Alexei Alexey Aleksandr Alexander ' +
  'Nikolai Nikolay Yevgeny Ramzan Dmytro Andriy Andrii Petro Viktor Mateusz Andrzej Xi Narendra Recep Justin Scott ' +
  'Jake Ned Linda Samantha Nancy Chuck Mitch Kevin Jen Kirill Anatoly Valery Igor Marat Denis Denys Iryna Oksana';
