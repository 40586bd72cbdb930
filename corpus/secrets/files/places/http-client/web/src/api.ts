const api = axios.create({ headers: { Authorization: `Bearer NRRA-5d340c61670e0257857ee4647e4bcbf74ea811f428` } });
const api = axios.create({ headers: { Authorization: `Bearer ${token}` } });
const api = axios.create({ auth: { username: 'u', password: process.env.API_PASSWORD! } });
