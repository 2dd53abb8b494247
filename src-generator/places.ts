/**
 * Real Dutch towns with their postcode ranges, landline area codes and police unit
 * (eenheid), weighted roughly by population. Addresses built from them are synthetic.
 */
import { weightedTable } from './random';

export const POLICE_UNITS = [
  'Noord-Nederland',
  'Oost-Nederland',
  'Midden-Nederland',
  'Noord-Holland',
  'Amsterdam',
  'Den Haag',
  'Rotterdam',
  'Zeeland-West-Brabant',
  'Oost-Brabant',
  'Limburg',
] as const;
export type PoliceUnit = (typeof POLICE_UNITS)[number];

export interface Place {
  readonly city: string;
  readonly unit: PoliceUnit;
  /** Inclusive range of the 4-digit postcode numbers. */
  readonly postcodes: readonly [number, number];
  /** Landline area code without the leading 0. */
  readonly areaCode: string;
}

/** [city, unit, first postcode, last postcode, area code, weight (≈ inhabitants / 10,000)] */
const TOWNS: ReadonlyArray<readonly [string, PoliceUnit, number, number, string, number]> = [
  ['Groningen', 'Noord-Nederland', 9711, 9747, '50', 24],
  ['Leeuwarden', 'Noord-Nederland', 8911, 8939, '58', 13],
  ['Assen', 'Noord-Nederland', 9401, 9409, '592', 7],
  ['Emmen', 'Noord-Nederland', 7811, 7833, '591', 11],
  ['Drachten', 'Noord-Nederland', 9201, 9207, '512', 5],
  ['Heerenveen', 'Noord-Nederland', 8441, 8449, '513', 5],
  ['Enschede', 'Oost-Nederland', 7511, 7548, '53', 16],
  ['Zwolle', 'Oost-Nederland', 8011, 8043, '38', 13],
  ['Apeldoorn', 'Oost-Nederland', 7311, 7339, '55', 17],
  ['Arnhem', 'Oost-Nederland', 6811, 6846, '26', 16],
  ['Nijmegen', 'Oost-Nederland', 6511, 6546, '24', 18],
  ['Deventer', 'Oost-Nederland', 7411, 7429, '570', 10],
  ['Hengelo', 'Oost-Nederland', 7550, 7559, '74', 8],
  ['Doetinchem', 'Oost-Nederland', 7001, 7009, '314', 6],
  ['Vorden', 'Oost-Nederland', 7251, 7251, '575', 1],
  ['Utrecht', 'Midden-Nederland', 3511, 3585, '30', 36],
  ['Amersfoort', 'Midden-Nederland', 3811, 3829, '33', 16],
  ['Almere', 'Midden-Nederland', 1311, 1363, '36', 22],
  ['Lelystad', 'Midden-Nederland', 8211, 8245, '320', 8],
  ['Zeist', 'Midden-Nederland', 3701, 3709, '30', 6],
  ['Nieuwegein', 'Midden-Nederland', 3431, 3439, '30', 6],
  ['Veenendaal', 'Midden-Nederland', 3901, 3907, '318', 7],
  ['Haarlem', 'Noord-Holland', 2011, 2037, '23', 16],
  ['Alkmaar', 'Noord-Holland', 1811, 1827, '72', 11],
  ['Hilversum', 'Noord-Holland', 1211, 1223, '35', 9],
  ['Den Helder', 'Noord-Holland', 1781, 1789, '223', 6],
  ['Hoorn', 'Noord-Holland', 1621, 1628, '229', 7],
  ['Zaandam', 'Noord-Holland', 1501, 1509, '75', 8],
  ['Amsterdam', 'Amsterdam', 1011, 1109, '20', 92],
  ['Amstelveen', 'Amsterdam', 1181, 1189, '20', 9],
  ['Diemen', 'Amsterdam', 1111, 1113, '20', 3],
  ['Den Haag', 'Den Haag', 2491, 2597, '70', 55],
  ['Leiden', 'Den Haag', 2311, 2334, '71', 13],
  ['Zoetermeer', 'Den Haag', 2711, 2729, '79', 13],
  ['Delft', 'Den Haag', 2611, 2629, '15', 10],
  ['Alphen aan den Rijn', 'Den Haag', 2401, 2409, '172', 8],
  ['Rotterdam', 'Rotterdam', 3011, 3089, '10', 66],
  ['Dordrecht', 'Rotterdam', 3311, 3319, '78', 12],
  ['Schiedam', 'Rotterdam', 3111, 3125, '10', 8],
  ['Spijkenisse', 'Rotterdam', 3201, 3209, '181', 7],
  ['Gouda', 'Rotterdam', 2801, 2809, '182', 7],
  ['Breda', 'Zeeland-West-Brabant', 4811, 4839, '76', 19],
  ['Tilburg', 'Zeeland-West-Brabant', 5011, 5049, '13', 23],
  ['Roosendaal', 'Zeeland-West-Brabant', 4701, 4709, '165', 8],
  ['Middelburg', 'Zeeland-West-Brabant', 4331, 4338, '118', 5],
  ['Vlissingen', 'Zeeland-West-Brabant', 4381, 4389, '118', 4],
  ['Bergen op Zoom', 'Zeeland-West-Brabant', 4611, 4625, '164', 7],
  ['Goes', 'Zeeland-West-Brabant', 4461, 4465, '113', 4],
  ['Eindhoven', 'Oost-Brabant', 5611, 5658, '40', 24],
  ["'s-Hertogenbosch", 'Oost-Brabant', 5211, 5258, '73', 16],
  ['Helmond', 'Oost-Brabant', 5701, 5709, '492', 9],
  ['Oss', 'Oost-Brabant', 5341, 5351, '412', 9],
  ['Veghel', 'Oost-Brabant', 5461, 5469, '413', 3],
  ['Maastricht', 'Limburg', 6211, 6229, '43', 12],
  ['Venlo', 'Limburg', 5911, 5929, '77', 10],
  ['Heerlen', 'Limburg', 6411, 6422, '45', 9],
  ['Sittard', 'Limburg', 6131, 6137, '46', 5],
  ['Roermond', 'Limburg', 6041, 6049, '475', 6],
];

export const PLACES: readonly Place[] = TOWNS.map(([city, unit, from, to, areaCode]) => ({
  city,
  unit,
  postcodes: [from, to] as const,
  areaCode,
}));

export const PLACE_TABLE = weightedTable<Place>(TOWNS.map(([, , , , , weight], index) => [PLACES[index] as Place, weight] as const));

export const STREETS = [
  'Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg', 'Hoofdstraat', 'Julianastraat', 'Beatrixstraat',
  'Wilhelminastraat', 'Kastanjelaan', 'Eikenlaan', 'Berkenlaan', 'Lindelaan', 'Parallelweg', 'Industrieweg', 'Nieuwstraat',
  'Marktstraat', 'Molenstraat', 'Sportlaan', 'Prins Bernhardlaan', 'Oranjestraat', 'Emmastraat', 'Irenestraat', 'Rozenstraat',
  'Tulpstraat', 'Kanaalweg', 'Dijkstraat', 'Vondelstraat', 'Bilderdijkstraat', 'Rembrandtlaan', 'Van Goghstraat',
  'Mozartlaan', 'Merelstraat', 'Koolmeesstraat', 'Zwaluwstraat', 'Meidoornstraat', 'Populierenlaan', 'Esdoornlaan',
  'Burgemeester de Withstraat', 'Heuvelweg', 'Zandweg', 'Veldweg', 'Weidelaan', 'Javastraat', 'Sumatrastraat',
  'Beijerlandselaan', 'Churchilllaan', 'Rijksstraatweg', 'Hoogstraat', 'Langestraat', 'Achterweg', 'Bosweg',
  'Havenstraat', 'Spoorstraat', 'Torenstraat', 'Singel', 'Lange Voorhout', 'Grote Markt', 'Ringweg', 'Graaf Florislaan',
];

const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

/** A Dutch postcode number + letters (never SA, SD or SS, which are not used). */
export function postcodeLetters(first: number, second: number): string {
  const a = POSTCODE_LETTERS.charAt(first % POSTCODE_LETTERS.length);
  let b = POSTCODE_LETTERS.charAt(second % POSTCODE_LETTERS.length);
  if (a === 'S' && (b === 'A' || b === 'D' || b === 'S')) b = 'T';
  return a + b;
}
