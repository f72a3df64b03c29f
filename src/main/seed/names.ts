// Name pools for synthetic families: the mix of heritages an English family hub serves.
export interface NamePool {
  weight: number
  female: string[]
  male: string[]
  family: string[]
  language: string
  ethnicity: string[]
}

export const NAME_POOLS: NamePool[] = [
  {
    weight: 45, language: 'English', ethnicity: ['WBRI', 'WBRI', 'WBRI', 'WOTH'],
    female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Freya', 'Ella', 'Poppy', 'Evie', 'Chloe', 'Katie', 'Catherine', 'Kathryn', 'Jessica', 'Ruby', 'Megan', 'Hannah', 'Zoe', 'Lucy', 'Charlotte', 'Rebecca'],
    male: ['Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Charlie', 'Leo', 'Oscar', 'Alfie', 'Thomas', 'James', 'William', 'Joshua', 'Daniel', 'Samuel', 'Ryan', 'Liam', 'Connor', 'Jacob', 'Lewis', 'Jon', 'Stephen', 'Steven', 'Philip'],
    family: ['Smith', 'Smyth', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Clark', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Smith-Jones', 'Baker', 'Harrison', 'Morgan', 'Allen']
  },
  {
    weight: 8, language: 'English', ethnicity: ['WIRI', 'WIRT'],
    female: ['Siobhan', 'Aoife', 'Niamh', 'Ciara', 'Roisin', 'Orla', 'Saoirse', 'Caoimhe'],
    male: ['Sean', 'Ciaran', 'Padraig', 'Niall', 'Eoin', 'Declan', 'Cian', 'Darragh'],
    family: ["O'Neill", "O'Brien", 'Murphy', 'Kelly', "O'Connor", 'Byrne', 'Ryan', 'McCarthy', "O'Sullivan", 'Doyle', 'McDonagh', 'Ward']
  },
  {
    weight: 14, language: 'Urdu', ethnicity: ['APKN', 'AIND', 'ABAN', 'AOTH'],
    female: ['Aisha', 'Ayesha', 'Fatima', 'Zainab', 'Maryam', 'Amira', 'Hafsa', 'Inaya', 'Priya', 'Anaya', 'Sana', 'Nadia'],
    male: ['Mohammed', 'Muhammad', 'Mohammad', 'Ali', 'Yusuf', 'Ibrahim', 'Omar', 'Hamza', 'Zayn', 'Arjun', 'Rohan', 'Imran'],
    family: ['Khan', 'Ahmed', 'Hussain', 'Ali', 'Begum', 'Rahman', 'Iqbal', 'Shah', 'Patel', 'Singh', 'Kaur', 'Sharma', 'Chaudhry', 'Akhtar', 'Mahmood', 'Islam']
  },
  {
    weight: 12, language: 'English', ethnicity: ['BAFR', 'BCRB', 'BOTH', 'MWBC', 'MWBA'],
    female: ['Grace', 'Blessing', 'Chloe', 'Amara', 'Adaeze', 'Precious', 'Abena', 'Ife', 'Tiana', 'Nia', 'Chidinma', 'Esther'],
    male: ['Samuel', 'David', 'Emmanuel', 'Daniel', 'Kwame', 'Chidi', 'Tobi', 'Kofi', 'Jayden', 'Elijah', 'Tyrone', 'Joseph'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Okoye', 'Boateng', 'Campbell', 'Williams', 'Brown', 'Johnson', 'Osei', 'Nwosu', 'Adebayo', 'Asante', 'Thomas']
  },
  {
    weight: 10, language: 'Polish', ethnicity: ['WOTH', 'WROM'],
    female: ['Zofia', 'Zuzanna', 'Julia', 'Maja', 'Alicja', 'Ioana', 'Elena', 'Andreea', 'Katarzyna', 'Agnieszka'],
    male: ['Jakub', 'Szymon', 'Wojciech', 'Piotr', 'Andrei', 'Mihai', 'Stefan', 'Lukasz', 'Tomasz', 'Krzysztof'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Lewandowski', 'Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Zieliński', 'Szymański']
  },
  {
    weight: 6, language: 'Arabic', ethnicity: ['OOTH', 'AOTH'],
    female: ['Layla', 'Noor', 'Mariam', 'Huda', 'Yasmin', 'Rania', 'Hana', 'Leila'],
    male: ['Ahmad', 'Khalid', 'Tariq', 'Karim', 'Sami', 'Youssef', 'Hassan', 'Mustafa'],
    family: ['Al-Sayed', 'Haddad', 'Nasser', 'Mansour', 'Abdullah', 'El-Amin', 'Hamdan', 'Saleh']
  },
  {
    weight: 5, language: 'Cantonese', ethnicity: ['CHNE'],
    female: ['Mei', 'Xin', 'Li Na', 'Jia', 'Wing', 'Yan'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Chun', 'Kai'],
    family: ['Chen', 'Wong', 'Li', 'Zhang', 'Liu', 'Lam', 'Cheung', 'Ho']
  }
]

/** Real outward codes across England; the inward part is generated within the rules. */
export const OUTWARD_CODES = [
  'B33', 'B12', 'B21', 'M1', 'M8', 'M14', 'LS1', 'LS8', 'LS11', 'S2', 'S9', 'NE4', 'NE6', 'L4', 'L8', 'BD3', 'BD8',
  'BS5', 'BS3', 'NG7', 'LE2', 'LE5', 'CV1', 'WV2', 'E1', 'E12', 'E17', 'N17', 'SE15', 'SW9', 'CR2', 'CR0', 'DN55', 'DN1',
  'HU3', 'PL1', 'OX4', 'MK6', 'LU1', 'PE1', 'SW1A', 'W1A', 'EC1A', 'BN2', 'SO14', 'PO1', 'ST4', 'DE23', 'BB1', 'OL1'
]
export const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'Queens Road', 'Green Lane', 'Manor Road', 'Acacia Road', 'Elm Grove', 'Windsor Close']
export const TOWNS = ['Birmingham', 'Manchester', 'Leeds', 'Sheffield', 'Newcastle', 'Liverpool', 'Bradford', 'Bristol', 'Nottingham', 'Leicester', 'Coventry', 'London']
