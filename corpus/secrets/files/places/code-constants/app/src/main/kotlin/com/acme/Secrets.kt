package com.acme

const val API_SECRET = "GuY3vxFR19CIKKmgbr8NDVkWXIdgPRjPZt9ycs0N"
private val dbPassword: String = "o-DeGwmOB1Q!juz"
val CLIENT_SECRET = BuildConfig.CLIENT_SECRET
const val PASSWORD_KEY = "pref_password"
