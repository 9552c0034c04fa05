/**
 * The grammatical gender Polish past-tense verbs take for a person ("Anna opublikowała", "Jan
 * opublikował"), read from the given name: Polish women's given names end in "-a" and men's almost
 * never do (the few that do are listed). Agora does not ask people their gender; a name that is
 * not a person's given name ("Koło Gospodyń Wiejskich") comes out masculine, and an empty one
 * 'other', which messages word neutrally ("opublikował(a)").
 */
export type GrammaticalGender = 'female' | 'male' | 'other';

const MEN_ENDING_IN_A = new Set(['kuba', 'barnaba', 'bonawentura', 'kosma', 'jarema', 'zawisza', 'dyzma', 'ilja', 'sasza', 'misza', 'grisza', 'nikita', 'mustafa', 'luca', 'andrea']);
const WOMEN_NOT_ENDING_IN_A = new Set(['beatrycze', 'miriam', 'noemi', 'nicole', 'karmen', 'carmen', 'ingrid', 'rut', 'ruth', 'abigail', 'dagmar', 'doris', 'inez', 'ines', 'mercedes']);

export function grammaticalGender(name: string | null | undefined): GrammaticalGender {
  const given = name?.trim().split(/\s+/)[0]?.toLocaleLowerCase('pl');
  if (!given || !/\p{L}/u.test(given)) return 'other';
  if (WOMEN_NOT_ENDING_IN_A.has(given)) return 'female';
  return given.endsWith('a') && !MEN_ENDING_IN_A.has(given) ? 'female' : 'male';
}
