const api = axios.create({ headers: { Authorization: `Bearer glimt-5uzcfx8yosnl3uw6xr2bz0fym` } });
const api = axios.create({ headers: { Authorization: `Bearer ${token}` } });
const api = axios.create({ auth: { username: 'u', password: process.env.API_PASSWORD! } });
