const api = axios.create({ headers: { Authorization: `Bearer rdme_o3k1ahswwll21h9ppkpzb9nfp4tdgn9mm0p04e2ylhvuist9xh79az88bq6q6s4k0gp1ej` } });
const api = axios.create({ headers: { Authorization: `Bearer ${token}` } });
const api = axios.create({ auth: { username: 'u', password: process.env.API_PASSWORD! } });
