FROM golang:1.22
RUN echo "machine nexus.acme.io login build password _0tFxH^eR!kN4X%xoG7" > /root/.netrc && make deps && rm /root/.netrc
