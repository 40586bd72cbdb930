terraform {
  required_version = ">= 1.5"
}

locals {
  algolia_admin_api_key = "12e3a0ccd393cd98a27b9a6209a28eef"
  atlassian_api_key = "D5ZTjagHxYEmTKTFQg6wRsx5"
  x_functions_key = "BeLo3lrnzQdpGkL654NPze4eKxeJtQWRIHk6iIJt1MSSAzFucChPHg=="
  token = "bkaj_eyJizWynGtUQNmIhEaR0.iBtmJHrVFhto7tM_iGbN9oYWKOwecaP_BembCQUGRSVfgvedSPYf3GiVIiYr944RHhV4PNJvZcXKu0apmx7CzSOl1XtUSM3vRaKwv_x39dOpezA8yW_UBLpkpRa_hjrxVowKM_yLqQlQt5L7piE8APjUGc2wtJRLzHnrqNKL8XcoLjgAjPu83WKnzZWDutpukfryMrVEkOwsKZZRkprzFwgUKNESabMQUV02iOqpDJHxZp0O.nmW24lBsyVLYL8JxhPw5CgzoTySqvgvwmgIcFGVZJR5tX7EhdL82Srhpdxrh2XkHsk8DTZjz6PRftrBtQrKmwE"
  co_api_key = "BXN5jmm80yIXdik8ZoGko3A9pVaAnzLtkjwYRN55"
  x_consul_token = "a65f5c0f-34ed-72ce-985f-ced135944b4e"
  doppler_api_token = "dp.ct.OPWRYeL6zQEZr2afUOqLydBUw3yeVWmYEyey12cQFxo"
  google_refresh_token = "1//05tv8zdrH9uJbinle4KWMJ2Nk9zQ3GtfPm2QPQcIbVavkDVCcWuoRU9yFNk88qE91K4WUxyVe05UGcYYZTfpLrnV46PQblBBu76O"
  password = "LjCPQWDW=r7xWdU"
  ci_job_token = "glcbt-vjQuuZIgHtZwAUzDUDP6d48kM31kTUPFamm5I4qXHsPoozwITAAlF4eTOkG8ySFVRErgtOVfDXG3bESxXiRmTekAZgvdHtLsZiM6YCMPGcV3NmC4.nbI0OTXyvP6zTubzPfPuFL7pKvlmIa1rQeIiKUPjGqImDXX6SmrgTcCaR5I6EPTiYHSdhHmiRbIhMGDxICE1FFYaMGE5CM44GTR5NKbgGTqhFuJ8AmX8RwD5HHL5Vs5.tTZFY2R2JeSS5gRWjijkziI3JGJnVajzPIplpbGmxigVQplS594iNIfi6_S4cDqYRvY_8-RDvhaBITZqtRFV_F"
  api_key = "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"
  honeycomb_writekey = "JrNii6Ysh0nASahUUavSgt"
  linode_api_key = "051eb02e7f5a897c802f478f0df59a620428ee667eada17985cfe1acb987420b"
  netlify_api_token = "3geXfKSexpl0-OVWGAn-yWivTKCewztGWkToyO0m72C"
  npm_token = "a507090c-410d-58a4-d270-9c1e25c5f5c7"
  paypal_secret = "JAJBn63gDgrMlhmgN8dny9X_FBr129MHRX4Xyc9qTILT960uTU-Uh4xB1iNu1cIS8vJbKZH5nJYkIxU2"
  square_app_secret = "sq0csp-J_zD9V7NZRcEXhqnB6Svl0sc1E0PkW0QYQ0mWIAQibd"
  travis_token = "ScFxBXSNVT47Kte0EgbHpY"
  uri_credentials = "https://deploy:LmMbWNEUHsMyoBhprChB0ZigudO3wh1h@git.acme-corp.io/platform/infra.git"
  backup_target = "cifs://backup:qGkSzLe4=+lBV!ODZ@nas01.local/backups"
  zendesk_token = "yfGZ9BKB3iYRxfRaxIIThyc3vhUSzziC43wwIZMf"
}
