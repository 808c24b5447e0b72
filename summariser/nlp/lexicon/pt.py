"""Portuguese: the words its news is read with (stopwords: stopwordsiso, nlp/words.py)."""

WEEKDAYS = (
    ("segunda-feira",),
    ("terça-feira",),
    ("quarta-feira",),
    ("quinta-feira",),
    ("sexta-feira",),
    ("sábado",),
    ("domingo",),
)

# Honorifics and the nouns for what a person is, written before a Portuguese name: a name
# written after one is a person's.
PERSON_TITLES = frozenset(
    """sr sra dr dra prof presidente presidenta ministro ministra governador governadora prefeito
    prefeita deputado deputada senador senadora secretário secretária juiz juíza delegado
    delegada vereador vereadora porta-voz diretor diretora técnico treinador jogador jogadora
    ator atriz cantor cantora padre papa rei rainha general coronel capitão sargento""".split()  # noqa: SIM905
)

# Nouns that head the name of a body in Portuguese (its first word: 'Secretaria de Saúde'):
# a name headed by one is an organisation's.
BODY_HEADS = frozenset(
    """secretaria serviço ministério polícia prefeitura governo tribunal câmara assembleia
    banco partido universidade instituto fundação associação comissão conselho departamento
    agência empresa companhia grupo federação confederação sindicato defensoria
    procuradoria ministério-público exército marinha força""".split()  # noqa: SIM905
)
