import type { Question, SurveyDefinitionInput } from './definition';

// The default needs-diagnosis questionnaire (Polish, with English), first written for the Jasło
// county project: per service area a matrix of concrete services rated for satisfaction, the
// area's importance, what needs improving most and a remark; then the ranking of the six areas;
// the profile comes last. About ten minutes for a resident. The demo seed publishes it for powiat
// jasielski; every deployment is offered it as a template with its own county's words
// (lib/surveys/templates.ts).

type L = { pl: string; en: string };
const l = (pl: string, en: string): L => ({ pl, en });

const SATISFACTION: L[] = [
  l('Bardzo źle', 'Very poor'),
  l('Źle', 'Poor'),
  l('Przeciętnie', 'Fair'),
  l('Dobrze', 'Good'),
  l('Bardzo dobrze', 'Very good'),
];
const IMPORTANCE: L[] = [
  l('Zupełnie nieważne', 'Not important at all'),
  l('Mało ważne', 'Slightly important'),
  l('Średnio ważne', 'Moderately important'),
  l('Ważne', 'Important'),
  l('Bardzo ważne', 'Very important'),
];

interface AreaSpec {
  slug: string;
  key: string;
  title: L;
  intro: L;
  services: [string, L][];
  improvements: [string, L][];
  extra?: Question[];
}

/** What the questionnaire says about the county: its name in titles, its town in a question. */
export interface QuestionnaireCounty {
  nameGenitive: string;
  nameEn: string;
  seat: { name: string; nameInstrumental: string };
  project?: { pl: string; en: string };
}

const areaSpecs = (seat: QuestionnaireCounty['seat']): AreaSpec[] => [
  {
    slug: 'education',
    key: 'edu',
    title: l('Edukacja', 'Education'),
    intro: l('Przedszkola, szkoły i zajęcia dla dzieci i młodzieży w Twojej gminie.', 'Preschools, schools and activities for children and young people in your commune.'),
    services: [
      ['preschool', l('Dostępność miejsc w przedszkolach i żłobkach', 'Places in preschools and nurseries')],
      ['primary', l('Jakość nauczania w szkołach podstawowych', 'Teaching quality in primary schools')],
      ['school_transport', l('Dowóz dzieci do szkół', 'School transport for children')],
      ['extracurricular', l('Zajęcia pozalekcyjne i rozwijające', 'After-school and enrichment activities')],
      ['school_buildings', l('Stan budynków i wyposażenie szkół', 'School buildings and equipment')],
    ],
    improvements: [
      ['more_places', l('Więcej miejsc w przedszkolach', 'More preschool places')],
      ['teachers', l('Więcej nauczycieli specjalistów (psycholog, logopeda)', 'More specialist teachers (psychologist, speech therapist)')],
      ['buses', l('Lepszy dowóz do szkół', 'Better school transport')],
      ['activities', l('Więcej zajęć dodatkowych', 'More extra activities')],
      ['equipment', l('Nowoczesne wyposażenie pracowni', 'Modern classroom equipment')],
      ['adult_learning', l('Kursy dla dorosłych i seniorów', 'Courses for adults and seniors')],
    ],
    extra: [
      {
        id: 'edu_children',
        type: 'single_choice',
        label: l('Czy w Twoim gospodarstwie domowym są dzieci w wieku przedszkolnym lub szkolnym?', 'Are there children of preschool or school age in your household?'),
        help: { pl: '', en: '' },
        required: false,
        area: 'education',
        measure: 'profile',
        condition: null,
        options: [
          { value: 'yes', label: l('Tak', 'Yes') },
          { value: 'no', label: l('Nie', 'No') },
        ],
      },
      {
        id: 'edu_child_school',
        type: 'rating',
        label: l('Jak oceniasz szkołę lub przedszkole, do którego chodzi Twoje dziecko?', 'How do you rate the school or preschool your child attends?'),
        help: { pl: '', en: '' },
        required: false,
        area: 'education',
        measure: 'satisfaction',
        condition: { questionId: 'edu_children', equals: 'yes' },
        scaleLabels: SATISFACTION,
        allowDontKnow: true,
      },
    ],
  },
  {
    slug: 'health',
    key: 'health',
    title: l('Zdrowie', 'Health'),
    intro: l('Przychodnie, szpital, pomoc doraźna i opieka nad osobami starszymi.', 'Clinics, hospital, emergency care and care for older people.'),
    services: [
      ['gp', l('Dostęp do lekarza rodzinnego', 'Access to a family doctor')],
      ['specialists', l('Dostęp do lekarzy specjalistów', 'Access to specialists')],
      ['emergency', l('Pomoc doraźna i czas dojazdu karetki', 'Emergency care and ambulance response time')],
      ['pharmacy', l('Dostęp do apteki (także w weekendy)', 'Access to a pharmacy (also at weekends)')],
      ['elderly_care', l('Opieka nad osobami starszymi i niesamodzielnymi', 'Care for older and dependent people')],
      ['prevention', l('Badania profilaktyczne', 'Preventive check-ups')],
    ],
    improvements: [
      ['waiting', l('Krótsze kolejki do lekarzy', 'Shorter waits for doctors')],
      ['specialists_local', l('Specjaliści bliżej miejsca zamieszkania', 'Specialists closer to home')],
      ['night_care', l('Nocna i świąteczna opieka zdrowotna', 'Night and holiday health care')],
      ['home_care', l('Opieka domowa dla seniorów', 'Home care for seniors')],
      ['mental_health', l('Pomoc psychologiczna', 'Mental health support')],
      ['rehab', l('Rehabilitacja', 'Rehabilitation')],
    ],
  },
  {
    slug: 'transport',
    key: 'transport',
    title: l('Komunikacja i transport', 'Transport'),
    intro: l('Autobusy, drogi, chodniki i ścieżki rowerowe.', 'Buses, roads, pavements and cycle paths.'),
    services: [
      ['bus_seat', l(`Połączenie autobusowe z ${seat.nameInstrumental}`, `Bus connection to ${seat.name}`)],
      ['frequency', l('Częstotliwość kursów', 'Frequency of services')],
      ['roads', l('Stan dróg', 'Condition of roads')],
      ['pavements', l('Chodniki i ścieżki rowerowe', 'Pavements and cycle paths')],
      ['night_weekend', l('Kursy wieczorne i weekendowe', 'Evening and weekend services')],
    ],
    improvements: [
      ['more_buses', l('Więcej kursów autobusów', 'More bus services')],
      ['new_routes', l('Nowe linie do wsi bez połączeń', 'New routes to villages without a service')],
      ['road_repairs', l('Remonty dróg', 'Road repairs')],
      ['pavements_new', l('Budowa chodników', 'New pavements')],
      ['cycle_paths', l('Ścieżki rowerowe', 'Cycle paths')],
      ['bus_stops', l('Wiaty i oznakowane przystanki', 'Shelters and marked bus stops')],
    ],
  },
  {
    slug: 'utilities',
    key: 'util',
    title: l('Usługi komunalne', 'Municipal utilities'),
    intro: l('Woda, kanalizacja, odpady, drogi gminne i oświetlenie.', 'Water, sewage, waste, local roads and lighting.'),
    services: [
      ['water', l('Dostawy i jakość wody', 'Water supply and quality')],
      ['sewage', l('Kanalizacja', 'Sewage system')],
      ['waste', l('Odbiór odpadów i segregacja', 'Waste collection and sorting')],
      ['lighting', l('Oświetlenie ulic', 'Street lighting')],
      ['winter', l('Odśnieżanie zimą', 'Snow clearing in winter')],
    ],
    improvements: [
      ['sewage_ext', l('Rozbudowa kanalizacji', 'Extending the sewage system')],
      ['water_ext', l('Rozbudowa wodociągu', 'Extending the water supply')],
      ['waste_psz', l('Lepszy punkt selektywnej zbiórki odpadów (PSZOK)', 'A better recycling centre (PSZOK)')],
      ['lighting_more', l('Więcej oświetlenia', 'More street lighting')],
      ['snow', l('Szybsze odśnieżanie', 'Faster snow clearing')],
      ['fees', l('Niższe opłaty', 'Lower fees')],
    ],
  },
  {
    slug: 'culture',
    key: 'culture',
    title: l('Kultura, sport i wypoczynek', 'Culture, sport and leisure'),
    intro: l('Domy kultury, biblioteki, boiska, imprezy i miejsca spotkań.', 'Community centres, libraries, sports grounds, events and meeting places.'),
    services: [
      ['community_centre', l('Oferta domu kultury i świetlic wiejskich', 'Community centre and village hall activities')],
      ['library', l('Biblioteki', 'Libraries')],
      ['sport', l('Boiska, hale sportowe i siłownie plenerowe', 'Sports grounds, halls and outdoor gyms')],
      ['events', l('Imprezy i wydarzenia lokalne', 'Local events')],
      ['seniors_clubs', l('Oferta dla seniorów (kluby, zajęcia)', 'Activities for seniors (clubs, classes)')],
    ],
    improvements: [
      ['youth', l('Zajęcia dla młodzieży', 'Activities for young people')],
      ['seniors', l('Zajęcia dla seniorów', 'Activities for seniors')],
      ['sport_new', l('Nowe obiekty sportowe', 'New sports facilities')],
      ['halls', l('Remont świetlic wiejskich', 'Renovating village halls')],
      ['events_more', l('Więcej wydarzeń kulturalnych', 'More cultural events')],
      ['tourism', l('Szlaki turystyczne i rowerowe', 'Hiking and cycling trails')],
    ],
  },
  {
    slug: 'energy',
    key: 'energy',
    title: l('Zaopatrzenie w energię', 'Energy supply'),
    intro: l('Prąd, ogrzewanie, gaz i odnawialne źródła energii.', 'Electricity, heating, gas and renewable energy.'),
    services: [
      ['power', l('Niezawodność dostaw prądu', 'Reliability of the power supply')],
      ['gas', l('Dostęp do sieci gazowej', 'Access to the gas network')],
      ['heating', l('Koszty ogrzewania', 'Heating costs')],
      ['renewables_support', l('Wsparcie dla instalacji OZE (fotowoltaika, pompy ciepła)', 'Support for renewables (solar panels, heat pumps)')],
      ['air', l('Jakość powietrza', 'Air quality')],
    ],
    improvements: [
      ['outages', l('Mniej przerw w dostawach prądu', 'Fewer power cuts')],
      ['gas_ext', l('Rozbudowa sieci gazowej', 'Extending the gas network')],
      ['stove_swap', l('Dopłaty do wymiany pieców', 'Grants for replacing old stoves')],
      ['solar', l('Dopłaty do fotowoltaiki', 'Grants for solar panels')],
      ['insulation', l('Termomodernizacja budynków', 'Insulating buildings')],
      ['energy_advice', l('Doradztwo energetyczne', 'Energy advice')],
    ],
  },
];

const none = { pl: '', en: '' };

function areaSection(area: AreaSpec) {
  const questions: Question[] = [
    {
      id: `${area.key}_services`,
      type: 'matrix',
      label: l(`Jak oceniasz w swojej gminie: ${area.title.pl.toLowerCase()}?`, `How do you rate in your commune: ${area.title.en.toLowerCase()}?`),
      help: l('Oceń każdą usługę w skali od 1 (bardzo źle) do 5 (bardzo dobrze). Jeśli nie korzystasz, wybierz „Nie wiem”.', 'Rate each service from 1 (very poor) to 5 (very good). If you do not use it, choose "Don\'t know".'),
      required: true,
      area: area.slug,
      measure: 'satisfaction',
      condition: null,
      rows: area.services.map(([value, label]) => ({ value, label })),
      scaleLabels: SATISFACTION,
      allowDontKnow: true,
    },
    {
      id: `${area.key}_importance`,
      type: 'rating',
      label: l(`Jak ważna jest dla Ciebie ta dziedzina: ${area.title.pl.toLowerCase()}?`, `How important is this area to you: ${area.title.en.toLowerCase()}?`),
      help: none,
      required: true,
      area: area.slug,
      measure: 'importance',
      condition: null,
      scaleLabels: IMPORTANCE,
      allowDontKnow: false,
    },
    {
      id: `${area.key}_improve`,
      type: 'multiple_choice',
      label: l('Co tu najbardziej wymaga poprawy? (najwyżej 3 odpowiedzi)', 'What needs improving most here? (up to 3 answers)'),
      help: none,
      required: false,
      area: area.slug,
      measure: 'need',
      condition: null,
      options: area.improvements.map(([value, label]) => ({ value, label })),
      maxChoices: 3,
    },
    ...(area.extra ?? []),
    {
      id: `${area.key}_remark`,
      type: 'long_text',
      label: l('Twoje uwagi (nieobowiązkowe)', 'Your remarks (optional)'),
      help: l('Nie podawaj imion, nazwisk ani adresów.', 'Do not give names or addresses.'),
      required: false,
      area: area.slug,
      measure: 'other',
      condition: null,
      maxLength: 1000,
    },
  ];
  return { id: area.key, title: area.title, description: area.intro, questions };
}

/** The demo's county (db/seed/deployment.json): the demo survey and the tests use its questionnaire. */
const DEMO_COUNTY: QuestionnaireCounty = {
  nameGenitive: 'powiatu jasielskiego',
  nameEn: 'Jasło County',
  seat: { name: 'Jasło', nameInstrumental: 'Jasłem' },
  project: { pl: 'Jasielska Strefa Usług Publicznych', en: 'Jasło Public Services Zone' },
};

/** The questionnaire's title and description for a county and a year. */
export function diagnosisTexts(county: QuestionnaireCounty, year: number) {
  const about = {
    pl: 'Jak oceniasz edukację, zdrowie, transport, usługi komunalne, kulturę i energię w swojej gminie i co jest dla Ciebie najważniejsze? Ankieta zajmie około 10 minut i jest anonimowa.',
    en: 'How do you rate education, health, transport, municipal utilities, culture and energy in your commune, and what matters most to you? The survey takes about 10 minutes and is anonymous.',
  };
  return {
    titlePl: `Diagnoza potrzeb mieszkańców ${county.nameGenitive} ${year}`,
    titleEn: `Residents’ needs diagnosis, ${county.nameEn} ${year}`,
    descriptionPl: county.project ? `Ankieta projektu „${county.project.pl}”. ${about.pl}` : about.pl,
    descriptionEn: county.project ? `A survey of the ${county.project.en}. ${about.en}` : about.en,
  };
}

/** The questionnaire's sections and profile, with the county's town in the transport question. */
export function diagnosisDefinition(county: QuestionnaireCounty): SurveyDefinitionInput {
  const areas = areaSpecs(county.seat);
  return {
    sections: [
      ...areas.map(areaSection),
      {
        id: 'priorities',
        title: l('Priorytety', 'Priorities'),
        description: l('Na co gmina i powiat powinny wydać pieniądze w pierwszej kolejności?', 'What should the commune and the county spend money on first?'),
        questions: [
          {
            id: 'priority_ranking',
            type: 'ranking',
            label: l('Wybierz trzy najważniejsze dziedziny, od najważniejszej', 'Choose the three most important areas, the most important first'),
            help: none,
            required: true,
            area: null,
            measure: 'priority',
            condition: null,
            items: areas.map((a) => ({ value: a.key, label: a.title })),
            maxRanked: 3,
          },
        ],
      },
    ],
    profile: {
      ageGroups: ['under_18', '18_24', '25_34', '35_44', '45_59', '60_74', '75_plus'],
      respondentTypes: ['resident', 'parent', 'entrepreneur', 'senior', 'other'],
      askLocality: true,
    },
  };
}

export const DEFAULT_SURVEY_SLUG = 'diagnoza-potrzeb';

/** The demo survey (powiat jasielski, 2026). */
export const DEFAULT_SURVEY_META = {
  slug: DEFAULT_SURVEY_SLUG,
  ...diagnosisTexts(DEMO_COUNTY, 2026),
  responseMode: 'open_link' as const,
};

export const AREA_KEYS = areaSpecs(DEMO_COUNTY.seat).map((a) => ({ key: a.key, slug: a.slug, services: a.services.map(([v]) => v), improvements: a.improvements.map(([v]) => v) }));

export const DEFAULT_DEFINITION: SurveyDefinitionInput = diagnosisDefinition(DEMO_COUNTY);
