const api = axios.create({ headers: { Authorization: `Bearer rnd_79Rkp3r55gDIGNqa2zuOQgEX6kJVhcZv` } });
const api = axios.create({ headers: { Authorization: `Bearer ${token}` } });
const api = axios.create({ auth: { username: 'u', password: process.env.API_PASSWORD! } });
