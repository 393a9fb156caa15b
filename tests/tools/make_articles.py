#!/usr/bin/python3
"""Writes COUNT small news-like articles into DIR, deterministic per SEED, for
the reliability tests (many documents with entities and relations to store).

  make_articles.py DIR COUNT [SEED] [PREFIX]
"""
import os
import random
import sys

COMPANIES = ["Alibaba Group", "Nvidia", "Apple", "Baidu", "Tencent", "Microsoft", "Amazon", "Google",
             "Meta", "Huawei", "Samsung", "Intel", "AMD", "Oracle", "IBM", "Acme Corp", "Globex",
             "Initech", "Hooli", "Umbrella Corp", "Stark Industries", "Wayne Enterprises"]
PEOPLE = ["Eddie Wu", "Jack Ma", "Joe Tsai", "Robin Li", "Jensen Huang", "Tim Cook", "Satya Nadella",
          "Lisa Su", "Pony Ma", "Ada Lovelace", "Grace Hopper"]
MODELS = ["Qwen3-Max", "GPT-5-Chat", "LLaMA", "Ernie", "Gemini", "Claude"]
PLACES = ["China", "Brazil", "France", "the Netherlands", "Dubai", "Hong Kong", "Japan", "Germany"]
TEMPLATES = [
    "{c1} partners with {c2} on cloud services.",
    "{c1} competes with {c2} in artificial intelligence.",
    "{p} is the chief executive of {c1}.",
    "{c1} invests ${n} billion in AI infrastructure over three years.",
    "{c1} reported revenue of ${n}.{d} billion for the quarter.",
    "{c1} develops {m}, a large language model.",
    "{m} outperforms {m2} on several benchmarks, {c1} said.",
    "{c1} opened a data centre in {pl}.",
    "{c1} founder {p} said the company would expand.",
    "Shares of {c2} rose {d} percent after the announcement.",
    "Analysts said the market was uncertain.",
]


def article(rng):
    sentences = []
    for _ in range(rng.randint(3, 12)):
        c1, c2 = rng.sample(COMPANIES, 2)
        m, m2 = rng.sample(MODELS, 2)
        sentences.append(rng.choice(TEMPLATES).format(c1=c1, c2=c2, p=rng.choice(PEOPLE), m=m, m2=m2,
                                                      pl=rng.choice(PLACES), n=rng.randint(1, 99),
                                                      d=rng.randint(1, 9)))
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs) + "\n"


def main():
    directory, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    prefix = sys.argv[4] if len(sys.argv) > 4 else "article"
    os.makedirs(directory, exist_ok=True)
    for i in range(count):
        with open(os.path.join(directory, f"{prefix}-{i:04d}.txt"), "w", encoding="utf-8") as out:
            out.write(article(rng))


if __name__ == "__main__":
    main()
