provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.58.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:/kX1cXvDMDyJh3PuucpdpKvTRm8uF0gkFtt/PjB+vyE=",
    "h1:YBLVt7RPW9piSSTg4FqZwobU6z4x0Gkmxk6Pb6kjIqk=",
    "zh:77d59d7684657c1d7f3dca9e44c5d163482abf7795840ca272ed0586b255315c",
    "zh:0eecbe4fbd40682a84e52ca59ca3009ee789515f9da4a769adbee9f3cf703fd5",
    "zh:86af1cc5e361912614e2dc50cc0709e96246d3a6cd8c30c7e82e39e8c24c0fc4",
    "zh:58c1554768c9f328f24e2b729be058c532fe13ef7a05ed265ab38eba6e3522b1",
    "zh:0775c392e9f0165f71789a62f30204ec78516e4faf4bc8afcd92535538971087",
    "zh:fccea20b31122c3d6f835ff709f797dc5b5428f76eb7be74c5027275a023fd4f",
  ]
}
