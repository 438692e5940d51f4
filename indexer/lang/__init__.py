"""Language: script-first detection, seeded langdetect where script leaves a question, jieba."""
