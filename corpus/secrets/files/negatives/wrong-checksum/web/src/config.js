'use strict';

const token = "ghs_IaZwa1mrBKGlhz094tdtJm3vBw5a3l32YSzn";

module.exports = { ready: true };
