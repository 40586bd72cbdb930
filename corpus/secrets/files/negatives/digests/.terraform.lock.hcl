provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:PJeqo1TDuiRw8hieT16UlPfCiRKUiaY69oKUSqFpC/Y=",
    "h1:MnHgUwOmXAfQrSI+ePXsPqIMT6eeEeRn8CBixzD9SCs=",
    "zh:e45671d16a5cdfdb5fdb11e4a8820d0d3dbda16c6b4d3a68caf644327d77a8d3",
    "zh:6266cdada042009c1e6f581611fdf14f8f4771933664cc354d560bec8c6b6ee0",
    "zh:59ac32c27c5e5d48ec53e7d47474d77d59d7684657c1d7f3dca9e44c5d163482",
    "zh:abf7795840ca272ed0586b255315c0eecbe4fbd40682a84e52ca59ca3009ee78",
    "zh:9515f9da4a769adbee9f3cf703fd586af1cc5e361912614e2dc50cc0709e9624",
    "zh:6d3a6cd8c30c7e82e39e8c24c0fc458c1554768c9f328f24e2b729be058c532f",
  ]
}
