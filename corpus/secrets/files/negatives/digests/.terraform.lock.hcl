provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:B1g8u+dI4vO27WYzDxckpgOK7wZRLDNeXQoGhBy7XMg=",
    "h1:fF9KdjFx3GN8Peb2wsVsoN0g8UNjSWdk7gfyMVPTWFg=",
    "zh:6ee059ac32c27c5e5d48ec53e7d47474d77d59d7684657c1d7f3dca9e44c5d16",
    "zh:3482abf7795840ca272ed0586b255315c0eecbe4fbd40682a84e52ca59ca3009",
    "zh:ee789515f9da4a769adbee9f3cf703fd586af1cc5e361912614e2dc50cc0709e",
    "zh:96246d3a6cd8c30c7e82e39e8c24c0fc458c1554768c9f328f24e2b729be058c",
    "zh:532fe13ef7a05ed265ab38eba6e3522b10775c392e9f0165f71789a62f30204e",
    "zh:c78516e4faf4bc8afcd92535538971087fccea20b31122c3d6f835ff709f797d",
  ]
}
