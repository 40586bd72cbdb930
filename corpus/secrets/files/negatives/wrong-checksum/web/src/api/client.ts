import axios from 'axios';

export const settings = {
  userToken: 'ghu_oTouf9ZjJ7huXyTQMGmptxJXyUna1F4UOW6d',
  ghAppRefreshToken: 'ghr_ZntRrHi3lwSlumTcI3jv6hI8lij9zN0TQQ0v',
};
