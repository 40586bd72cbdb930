export const API_KEY = 'KsoNpozXTCyA8yMfue8bjFv5kjZY';
class Hooks {
  private readonly webhookSecret: string = "973a8c1c710e42d3bd8b2fa5ca4102bbcca3ebd39f7b141dca1c713a705d1d3d";
}
export const DEPLOY = 'cxtp_5otBd82gqom1aevQi7SzZVhmr4eMFF';
export const API_KEY = process.env.API_KEY!;
export const TOKEN_STORAGE_KEY = 'acme.auth.token';
const passwordInput = document.querySelector<HTMLInputElement>('#password');
