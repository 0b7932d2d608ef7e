"""Word lists for the screening development set: people, places, domains and the numbers of
everyday quality-improvement work.

Every value is made up. Names are spread across cultures and kept within Latin-1, because the
demo PDF writer (``resources.demo.files.make_pdf``) uses Helvetica with WinAnsi encoding: a name
it could not print would not be in the file, and its label would lie. Straight apostrophes only,
for the same reason.
"""

FIRST_NAMES = """
Amira Jamie Oluwaseun Priya Mateo Siobhan Kwame Aiyana Yusuf Ingrid Tomasz Mei Rafael Chiara Dmitri
Aroha Fatima Liam Noor Kenji Esperanza Thandiwe Brendan Leilani Anika Hamza Saoirse Diego Ngozi Malia
Joaquin Zainab Emeka Astrid Ravi Lucia Tariq Niamh Hiroshi Camila Olamide Freya Arjun Ines Kofi Yara
Callum Paloma Tevita Wanjiru Declan Sunita Matteo Ayesha Bongani Marisol Eilidh Tenzin Farah Oskar Adaeze
Rhys Xiomara Ibrahim Keira Santiago Hana Dominic Zeynep Jorge Ama Finlay Lakshmi Nikolai Beatriz Idris
Zoe Marta Ruairi Esme Kai Sione Harriet Bilal Rosalind
""".split()

SURNAMES = """
Okafor Rivers Raman Lindqvist Castillo Nakamura Mensah O'Sullivan Kowalski Haddad Fernandes Abubakar
McAllister Nguyen Petrovic Whitfield Adeyemi Takahashi Moreno Byrne Chaudhry Sorensen Achebe Delgado
MacLeod Hakimi Van der Berg Osei Brennan Kapoor Rossi Mbeki Gallagher Yilmaz Johansson Oyelaran Baptiste
Tran Henderson Farouk Kiplagat Marchetti Quispe Ferreira Dlamini Abernethy Sato Hussain Pereira Novak
Tuilagi Kealoha Ramirez Odhiambo Lachance Gunawardena Stewart Wojcik Agyeman Carvalho Thorne Iwu
Fitzgerald Benitez Schofield Mwangi Pillai Cunningham Eriksen Bakare Zapata Nwosu Ahmadi Lindgren
Boateng Patel Ellison Morrow Valdez Crowther Ansah
""".split()
# "Van der Berg" is split by the list above; the compound surnames are added whole.
SURNAMES = [name for name in SURNAMES if name not in ("Van", "der", "Berg")] + [
    "van der Berg",
    "Al-Hassan",
    "Ben-David",
    "Ni Bhriain",
    "Ochoa-Reyes",
]

STAFF = [
    "Priya Raman", "Tom Whitfield", "Grace Lin", "Helen Achterberg", "Samuel Osei", "Ruth Kaplan",
    "Marcus Delaney", "Ana Lucia Pires", "Fergus Doyle", "Imani Carter", "Louise Barnard", "Tobias Wren",
    "Nadia Rahman", "Oliver Strand", "Chioma Eze", "Patrick Lowry", "Sofia Brandt", "Wei Zhang",
]
ROLES = [
    "clinical lead", "QI facilitator", "diabetes nurse specialist", "data analyst", "parent partner",
    "consultant paediatrician", "pharmacist", "dietitian", "clinic coordinator", "psychologist",
    "improvement advisor", "family advisory council chair", "registrar", "practice manager",
]

RELATIVES = [
    "mother", "father", "mum", "dad", "grandmother", "grandfather", "aunt", "uncle", "stepfather",
    "older sister", "foster carer", "great-grandmother", "nan", "grandad",
]

CONDITIONS = [
    ("type 1 diabetes", "E10.9", "46635009"),
    ("asthma", "J45.909", "195967001"),
    ("Crohn's disease", "K50.90", "34000006"),
    ("cystic fibrosis", "E84.9", "190905008"),
    ("epilepsy", "G40.909", "84757009"),
    ("ADHD", "F90.0", "406506008"),
    ("juvenile idiopathic arthritis", "M08.00", "410795001"),
    ("sickle cell disease", "D57.1", "417357006"),
    ("obesity", "E66.9", "414916001"),
    ("heart failure", "I50.9", "84114007"),
]

CLINICS = [
    "Riverside Children's Diabetes Clinic", "Northgate Asthma Service", "St Brendan's IBD Centre",
    "Harbourview Paediatrics", "Meadowbank Family Practice", "Lakeshore Cystic Fibrosis Unit",
    "Westfield Community Epilepsy Team", "Eastbrook Rheumatology Clinic",
]
ORG_DOMAINS = ["riverside-health.org", "northgate.nhs.uk", "harbourview.org", "lakeshore-cf.ca",
               "westfield-health.ie", "eastbrook.org.au"]
TEAM_MAILBOXES = ["diabetes.team", "asthma-nurses", "ibd.admin", "qi.office", "cf.clinic", "family.advisory",
                  "epilepsy.nurses", "improvement"]
PERSONAL_DOMAINS = [
    "gmail.com", "yahoo.co.uk", "outlook.com", "hotmail.com", "icloud.com", "btinternet.com", "eircom.net",
    "bigpond.com", "protonmail.com", "aol.com", "sky.com", "rogers.com", "comcast.net", "live.ie",
]

UK_TOWNS = [("Leeds", "LS6 2QD"), ("Manchester", "M14 5RT"), ("Bristol", "BS3 4LX"), ("Glasgow", "G12 8QQ"),
            ("Cardiff", "CF24 4HQ"), ("Norwich", "NR2 3PA"), ("Sheffield", "S10 2TN"), ("York", "YO31 7EP"),
            ("Edinburgh", "EH9 1QJ"), ("Belfast", "BT7 1NN"), ("Leicester", "LE2 1XB"), ("Exeter", "EX4 4QJ")]
US_TOWNS = [("Springfield", "IL", "62704"), ("Worcester", "MA", "01609"), ("Columbus", "OH", "43215"),
            ("Tacoma", "WA", "98402"), ("Durham", "NC", "27701"), ("Tucson", "AZ", "85719"),
            ("Madison", "WI", "53703"), ("Albany", "NY", "12203"), ("Boise", "ID", "83702"),
            ("Savannah", "GA", "31401")]
STREET_NAMES = ["Larch", "Maple", "Ashdown", "Kingfisher", "Hollybush", "Cedar", "Willow Bank", "Orchard",
                "Millbrook", "Station", "Victoria", "Chestnut", "Beacon", "Rowan", "Lincoln", "Elm"]
STREET_TYPES = ["Street", "Road", "Avenue", "Lane", "Drive", "Close", "Grove", "Crescent", "Way", "Terrace",
                "Court", "Place"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

MEDICINES = [
    "amoxicillin 40 mg/kg/day in 2 divided doses",
    "salbutamol 100 micrograms, 2 to 10 puffs via spacer",
    "insulin glargine 0.3 units/kg once daily",
    "prednisolone 1 mg/kg (max 40 mg) for 3 days",
    "levetiracetam 10 mg/kg twice daily",
    "methotrexate 15 mg/m2 weekly with folic acid 5 mg",
    "hydroxyurea 20 mg/kg/day",
    "ibuprofen 10 mg/kg every 8 hours (max 400 mg)",
    "fluticasone 50 micrograms 2 puffs twice daily",
    "vitamin D 400 IU daily",
]
LABS = [
    "HbA1c 58 mmol/mol (7.5%)", "Hb 128 g/L", "CRP < 5 mg/L", "eGFR 92 mL/min/1.73 m2", "TSH 2.1 mU/L",
    "ferritin 35 micrograms/L", "FEV1 82% predicted", "faecal calprotectin 250 micrograms/g",
    "sweat chloride 72 mmol/L", "potassium 4.2 mmol/L", "ALT 31 U/L", "25-OH vitamin D 48 nmol/L",
    "glucose 6.8 mmol/L", "BMI SDS +2.1", "SpO2 97% on air", "peak flow 310 L/min",
]
DOIS = ["10.1542/peds.2019-3456", "10.1136/bmjqs-2020-011234", "10.1001/jama.2021.1187",
        "10.1016/S0140-6736(22)01422-5", "10.1111/pedi.13087", "10.2337/dc21-S013", "10.1186/s12913-019-4123-1",
        "10.1093/intqhc/mzab042"]
TRIALS = ["NCT04567890", "NCT03821142", "ISRCTN12345678", "ISRCTN48291035", "ACTRN12619000123456",
          "NCT05112233", "EudraCT 2019-001234-56"]
